package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The guidance group verified a reported rectification: the finding is closed (销号). */
@EventType(value = "cn.gov.partyaffairs.supervision.RectificationVerified.v1", topic = Topics.SUPERVISION)
public record RectificationVerified(
        UUID findingId,
        String unitCode,
        LocalDate verifiedOn,
        String note,
        String verifiedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
