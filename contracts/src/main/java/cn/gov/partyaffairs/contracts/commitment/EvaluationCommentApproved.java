package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A moderator approved the comment of an evaluation: it becomes public. */
@EventType(value = "cn.gov.partyaffairs.commitment.EvaluationCommentApproved.v1", topic = Topics.COMMITMENT)
public record EvaluationCommentApproved(
        UUID evaluationId,
        UUID commitmentId,
        CommitmentEvaluated.Rating rating,
        String comment,
        String moderatedBy,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return evaluationId;
    }
}
