package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The guidance group did not accept a reported rectification: the finding is open again until {@code newDeadline}. */
@EventType(value = "cn.gov.partyaffairs.supervision.FindingReopened.v1", topic = Topics.SUPERVISION)
public record FindingReopened(
        UUID findingId,
        String unitCode,
        String reason,
        LocalDate reopenedOn,
        LocalDate newDeadline,
        String reopenedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
