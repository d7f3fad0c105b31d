package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finding's rectification deadline passed with no rectification reported. Sent once per deadline (a reopened
 * finding gets a new one), however many replicas look.
 */
@EventType(value = "cn.gov.partyaffairs.supervision.RectificationOverdue.v1", topic = Topics.SUPERVISION)
public record RectificationOverdue(
        UUID findingId,
        String unitCode,
        String groupCode,
        FindingSeverity severity,
        LocalDate deadline,
        String responsible,
        OffsetDateTime detectedAt) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
