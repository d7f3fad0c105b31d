package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A signed-in citizen evaluated a commitment again: the evaluation {@code evaluationId} (first told by
 * {@link CommitmentEvaluated}) now has this rating instead of {@code previousRating}, and still counts once. A comment
 * approved earlier is no longer shown; a new one, if written, is held for moderation again and travels only in
 * {@link EvaluationCommentApproved}.
 */
@EventType(value = "cn.gov.partyaffairs.commitment.CommitmentEvaluationRevised.v1", topic = Topics.COMMITMENT)
public record CommitmentEvaluationRevised(
        UUID evaluationId,
        UUID commitmentId,
        CommitmentKind kind,
        String departmentCode,
        String organizationCode,
        Rating previousRating,
        Rating rating,
        boolean commentHeld,
        OffsetDateTime at) implements DomainEvent {

    @Override
    public UUID aggregateId() {
        return evaluationId;
    }
}
