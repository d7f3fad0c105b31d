package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finding (问题) against a demonstration unit, to be rectified by {@code deadline}. Typed in by a group (from an
 * inspection or not), or raised automatically from a lapse: then {@code lapseId} is the lapsed disclosure obligation
 * or the overdue commitment, and there is exactly one finding per lapse.
 *
 * @param groupCode the group responsible for the unit when it was raised; null if none was
 */
@EventType(value = "cn.gov.partyaffairs.supervision.FindingRaised.v1", topic = Topics.SUPERVISION)
public record FindingRaised(
        UUID findingId,
        String unitCode,
        String groupCode,
        FindingSource source,
        UUID inspectionId,
        UUID lapseId,
        String description,
        FindingSeverity severity,
        String responsible,
        LocalDate raisedOn,
        LocalDate deadline,
        String raisedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
