package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The unit reported a finding rectified, with its evidence; the guidance group verifies it or reopens it. */
@EventType(value = "cn.gov.partyaffairs.supervision.RectificationReported.v1", topic = Topics.SUPERVISION)
public record RectificationReported(
        UUID findingId,
        String unitCode,
        String evidence,
        LocalDate reportedOn,
        LocalDate deadline,
        String reportedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return findingId;
    }
}
