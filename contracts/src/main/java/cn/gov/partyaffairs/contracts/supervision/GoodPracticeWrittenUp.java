package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A write-up of a demonstration unit's good practice (经验做法), optionally from an inspection, in the shape a media
 * submission (信息报送) takes: a title, a summary and the text, all plain text.
 */
@EventType(value = "cn.gov.partyaffairs.supervision.GoodPracticeWrittenUp.v1", topic = Topics.SUPERVISION)
public record GoodPracticeWrittenUp(
        UUID practiceId,
        String unitCode,
        UUID inspectionId,
        String title,
        String summary,
        String body,
        LocalDate writtenOn,
        String author,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return practiceId;
    }
}
