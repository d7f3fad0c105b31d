package cn.gov.partyaffairs.contracts.supervision;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An on-site inspection of a demonstration unit in a round: who inspected, the checklist's score per item, the total
 * and the observations. {@code groupCode} is the group responsible for the unit that day (null if none was).
 */
@EventType(value = "cn.gov.partyaffairs.supervision.InspectionRecorded.v1", topic = Topics.SUPERVISION)
public record InspectionRecorded(
        UUID inspectionId,
        UUID roundId,
        String unitCode,
        String groupCode,
        LocalDate inspectedOn,
        List<String> inspectors,
        List<Score> scores,
        int totalScore,
        int maxScore,
        String observations,
        String recordedBy,
        OffsetDateTime at) implements DomainEvent {

    /** One checklist item, e.g. {@code five-type} (五型党组织), scored out of {@code maxScore}. */
    public record Score(String item, String label, int score, int maxScore, String note) {
    }

    @Override
    public UUID aggregateId() {
        return inspectionId;
    }
}
