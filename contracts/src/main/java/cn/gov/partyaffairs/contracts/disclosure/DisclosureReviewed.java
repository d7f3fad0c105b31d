package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Passed review (审核): the secrecy check, then necessity and accuracy.
 * Every disclosure event carries the {@code scope}: a consumer can always tell a party-internal disclosure
 * ({@code PARTY_WIDE}, {@code PARTY_PART}) from a public one without earlier events.
 *
 * @param checks the checks the reviewer confirmed, in their order: {@code SECRECY} (保密审查), {@code NECESSITY}
 *               (公开必要性), {@code ACCURACY} (内容准确); absent in events from before they were recorded
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.DisclosureReviewed.v1", topic = Topics.DISCLOSURE)
public record DisclosureReviewed(
        UUID disclosureId,
        String organizationCode,
        String scope,
        String reviewedBy,
        List<String> checks,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return disclosureId;
    }
}
