package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A draft (or a disclosure sent back) was edited; the record holds the whole new content.
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureDraftEdited.v1", topic = Topics.DISCLOSURE)
public record DisclosureDraftEdited(
        UUID disclosureId,
        String organizationCode,
        String scope,
        List<String> itemCodes,
        String title,
        String body,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> plannedChannels,
        OffsetDateTime plannedPublicationAt,
        String editedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
