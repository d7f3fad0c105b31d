package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A commitment's due date passed unfulfilled. Sent once per commitment, however many replicas look. */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentOverdue.v1", topic = Topics.COMMITMENT)
public record CommitmentOverdue(
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        String title,
        LocalDate dueDate,
        Integer progressPercent,
        OffsetDateTime detectedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
