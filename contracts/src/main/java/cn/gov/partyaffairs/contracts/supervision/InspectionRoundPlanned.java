package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A round of on-site inspection (督查) was planned over the listed demonstration units, between two dates. */
@EventType(value = "cn.gov.partyaffairs.supervision.InspectionRoundPlanned.v1", topic = Topics.SUPERVISION)
public record InspectionRoundPlanned(
        UUID roundId,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        List<String> unitCodes,
        String plannedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return roundId;
    }
}
