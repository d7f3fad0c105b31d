package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An organization's designation as a demonstration unit was withdrawn; the group that was responsible for it
 * ({@code endedGroupCode}, null if none was) is no longer.
 */
@EventType(value = "cn.gov.partyaffairs.supervision.DemonstrationUnitWithdrawn.v1", topic = Topics.SUPERVISION)
public record DemonstrationUnitWithdrawn(
        UUID unitId,
        String organizationCode,
        String reason,
        LocalDate withdrawnOn,
        String endedGroupCode,
        String withdrawnBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return unitId;
    }
}
