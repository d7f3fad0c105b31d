package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A guidance group became responsible for a demonstration unit from {@code from}; the previous group's
 * responsibility ({@code previousGroupCode}, null for the first) ended that day. A unit has one group at a time.
 */
@EventType(value = "cn.gov.partyaffairs.supervision.UnitAssignedToGroup.v1", topic = Topics.SUPERVISION)
public record UnitAssignedToGroup(
        UUID unitId,
        String organizationCode,
        String groupCode,
        String previousGroupCode,
        LocalDate from,
        String reason,
        String assignedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return unitId;
    }
}
