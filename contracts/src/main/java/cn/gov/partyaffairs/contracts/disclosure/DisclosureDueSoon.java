package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An open period of an organization's cadence falls due within a few working days and nothing is published for it
 * yet (the cadence engine's decision, once per period): its clerk is reminded before it lapses
 * ({@link DisclosureOverdue} follows if it does).
 *
 * @param workingDaysLeft working days from the day of the reminder to the due date, the due date counted
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureDueSoon.v1", topic = Topics.DISCLOSURE)
public record DisclosureDueSoon(
        UUID obligationId,
        UUID organizationId,
        String organizationCode,
        String organizationType,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        int workingDaysLeft,
        OffsetDateTime detectedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return obligationId;
    }
}
