package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A compliance lapse: an organization's disclosure period closed (its due date passed) with nothing published.
 * Sent once per lapse. The aggregate is the obligation (organization × period).
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureOverdue.v1", topic = Topics.DISCLOSURE)
public record DisclosureOverdue(
        UUID obligationId,
        UUID organizationId,
        String organizationCode,
        String organizationType,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        OffsetDateTime detectedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return obligationId;
    }
}
