package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Published (实施) through the channels actually used; the record holds the whole published content.
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosurePublished.v1", topic = Topics.DISCLOSURE)
public record DisclosurePublished(
        UUID disclosureId,
        String organizationCode,
        String scope,
        List<String> itemCodes,
        String title,
        String body,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> channels,
        int contentVersion,
        String publishedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
