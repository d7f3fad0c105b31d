package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A round of inspection was closed: no more inspections are recorded in it. */
@EventType(value = "cn.gov.partyaffairs.supervision.InspectionRoundClosed.v1", topic = Topics.SUPERVISION)
public record InspectionRoundClosed(
        UUID roundId,
        String name,
        int unitsPlanned,
        int unitsInspected,
        String closedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return roundId;
    }
}
