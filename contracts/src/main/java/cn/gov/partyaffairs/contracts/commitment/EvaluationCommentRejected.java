package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A moderator rejected the comment of an evaluation; the rating still counts. */
@EventType(value = "cn.gov.partyaffairs.commitment.EvaluationCommentRejected.v1", topic = Topics.COMMITMENT)
public record EvaluationCommentRejected(
        UUID evaluationId,
        UUID commitmentId,
        String reason,
        String moderatedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return evaluationId;
    }
}
