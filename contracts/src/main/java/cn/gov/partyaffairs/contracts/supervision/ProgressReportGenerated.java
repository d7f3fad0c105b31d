package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A guidance group's progress report for a period was generated (or generated again) from its units' figures, as a
 * draft the group may edit before filing it.
 *
 * @param period {@code 2017-05} for a month, {@code 2017-Q2} for a quarter
 */
@EventType(value = "cn.gov.partyaffairs.supervision.ProgressReportGenerated.v1", topic = Topics.SUPERVISION)
public record ProgressReportGenerated(
        UUID reportId,
        String groupCode,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        ProgressFigures figures,
        String summary,
        String generatedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return reportId;
    }
}
