package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A milestone of an open commitment passed its date unreached. Sent once per milestone, however many replicas look;
 * reaching it later is a progress report like any other.
 *
 * @param position the milestone's place in the commitment's list (0 first)
 */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentMilestoneMissed.v1", topic = Topics.COMMITMENT)
public record CommitmentMilestoneMissed(
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        String title,
        int position,
        String milestone,
        LocalDate milestoneDueDate,
        Integer progressPercent,
        OffsetDateTime detectedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return commitmentId;
    }
}
