package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A commitment was withdrawn; the reason is public. */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentWithdrawn.v1", topic = Topics.COMMITMENT)
public record CommitmentWithdrawn(
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        String reason,
        String withdrawnBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
