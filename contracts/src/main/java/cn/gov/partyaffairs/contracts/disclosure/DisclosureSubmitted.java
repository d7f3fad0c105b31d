package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Submitted for review; the submitter attested that it contains no party secrets (不涉及党内秘密).
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureSubmitted.v1", topic = Topics.DISCLOSURE)
public record DisclosureSubmitted(
        UUID disclosureId,
        String organizationCode,
        String scope,
        boolean attestedNoSecrets,
        String submittedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
