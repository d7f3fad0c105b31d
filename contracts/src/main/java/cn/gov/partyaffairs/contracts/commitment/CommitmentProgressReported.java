package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Progress on a commitment: a percentage and/or the quantity achieved, with a note. {@code reason} explains a
 * decrease; {@code progressPercent} is the commitment's progress after the report; {@code status} its state.
 */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentProgressReported.v1", topic = Topics.COMMITMENT)
public record CommitmentProgressReported(
        UUID commitmentId,
        UUID reportId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        Integer percent,
        BigDecimal quantity,
        String note,
        String reason,
        String milestoneReached,
        LocalDate reportedOn,
        Integer progressPercent,
        String status,
        String reportedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
