package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A member of the public evaluated a commitment (群众评议). The rating counts at once; a comment, if one was written,
 * is held for moderation and travels only in {@link EvaluationCommentApproved}, so nothing unmoderated is in here.
 */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentEvaluated.v1", topic = Topics.COMMITMENT)
public record CommitmentEvaluated(
        UUID evaluationId,
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        Rating rating,
        boolean commentHeld,
        OffsetDateTime at) implements DomainEvent {

    public enum Rating { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    @Override
    public UUID aggregateId() {
        return evaluationId;
    }
}
