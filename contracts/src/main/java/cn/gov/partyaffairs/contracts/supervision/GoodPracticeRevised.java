package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A good-practice write-up was revised; the fields are its whole new text. */
@EventType(value = "cn.gov.partyaffairs.supervision.GoodPracticeRevised.v1", topic = Topics.SUPERVISION)
public record GoodPracticeRevised(
        UUID practiceId,
        String unitCode,
        String title,
        String summary,
        String body,
        String revisedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return practiceId;
    }
}
