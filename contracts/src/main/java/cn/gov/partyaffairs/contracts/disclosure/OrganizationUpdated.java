package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization's name, type, place in the tree or cadence changed; the record holds the whole new state. */
@EventType(value = "cn.gov.partyaffairs.disclosure.OrganizationUpdated.v1", topic = Topics.DISCLOSURE)
public record OrganizationUpdated(
        UUID organizationId,
        String code,
        String name,
        String type,
        String parentCode,
        int cadenceMonths,
        OffsetDateTime updatedAt,
        String updatedBy) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return organizationId;
    }
}
