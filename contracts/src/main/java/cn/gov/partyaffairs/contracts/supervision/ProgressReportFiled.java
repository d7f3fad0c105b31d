package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A guidance group filed its progress report for a period (报送): from now on it no longer changes. */
@EventType(value = "cn.gov.partyaffairs.supervision.ProgressReportFiled.v1", topic = Topics.SUPERVISION)
public record ProgressReportFiled(
        UUID reportId,
        String groupCode,
        String period,
        ProgressFigures figures,
        String summary,
        String nextSteps,
        String filedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return reportId;
    }
}
