package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization left the register (merged, dissolved); it owes no more disclosures. */
@EventType(value = "cn.gov.partyaffairs.disclosure.OrganizationDeactivated.v1", topic = Topics.DISCLOSURE)
public record OrganizationDeactivated(
        UUID organizationId,
        String code,
        String reason,
        OffsetDateTime deactivatedAt,
        String deactivatedBy) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return organizationId;
    }
}
