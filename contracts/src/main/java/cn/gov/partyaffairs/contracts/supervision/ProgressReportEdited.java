package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A draft progress report's text was edited by its group; the figures stay as generated. */
@EventType(value = "cn.gov.partyaffairs.supervision.ProgressReportEdited.v1", topic = Topics.SUPERVISION)
public record ProgressReportEdited(
        UUID reportId,
        String groupCode,
        String period,
        String summary,
        String nextSteps,
        String editedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return reportId;
    }
}
