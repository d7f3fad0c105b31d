package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A commitment was fulfilled, on time or late, with the evidence of it. */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentFulfilled.v1", topic = Topics.COMMITMENT)
public record CommitmentFulfilled(
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        LocalDate fulfilledOn,
        LocalDate dueDate,
        boolean onTime,
        String evidence,
        String fulfilledBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
