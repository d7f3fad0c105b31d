package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published disclosure was withdrawn; the reason stays visible.
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureWithdrawn.v1", topic = Topics.DISCLOSURE)
public record DisclosureWithdrawn(
        UUID disclosureId,
        String organizationCode,
        String scope,
        String reason,
        String withdrawnBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
