package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A lapsed period got its disclosure after all: the lapse is cured. Late as a rule; {@code onTime} when the
 * disclosure turns out to have been published by the due date (a paper ledger brought in after the lapse was
 * raised). Added within v1: an older event without it reads as late.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureLapseCured.v1", topic = Topics.DISCLOSURE)
public record DisclosureLapseCured(
        UUID obligationId,
        UUID organizationId,
        String organizationCode,
        LocalDate periodStart,
        LocalDate periodEnd,
        UUID disclosureId,
        OffsetDateTime publishedAt,
        boolean onTime) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return obligationId;
    }
}
