package cn.gov.partyaffairs.contracts.commitment;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A member of the public evaluated a commitment (群众评议). The rating counts at once; a comment, if one was written,
 * is held for moderation and travels only in {@link EvaluationCommentApproved}, so nothing unmoderated is in here.
 * A signed-in citizen's evaluation is {@code verified} (one per person and commitment; a second one revises it:
 * {@link CommitmentEvaluationRevised}); an anonymous one is not. Events written before the field existed have it
 * {@code null}: anonymous. Who the citizen is never travels.
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
        OffsetDateTime at,
        Boolean verified) implements DomainEvent {

    public enum Rating { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED }

    /** A signed-in citizen's evaluation (true), or an anonymous one (false, or null in events before 2026-12). */
    public boolean byCitizen() {
        return Boolean.TRUE.equals(verified);
    }

    @Override
    public UUID aggregateId() {
        return evaluationId;
    }
}
