package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Approved (审批) by the competent organization or the county office.
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureApproved.v1", topic = Topics.DISCLOSURE)
public record DisclosureApproved(
        UUID disclosureId,
        String organizationCode,
        String scope,
        String approvedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
