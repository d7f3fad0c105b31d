package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.platform.publicinput.Moderation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One member of the public's judgement of a commitment (群众评议); the rating counts at once, the comment once approved. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends Aggregate implements Moderation.Moderated {

    public enum CommentStatus { NONE, PENDING, APPROVED, REJECTED }

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rating rating;

    public String comment;

    @Enumerated(EnumType.STRING)
    @Column(name = "comment_status", nullable = false)
    public CommentStatus commentStatus;

    @Column(name = "reject_reason")
    public String rejectReason;

    /** A hash of the sender's address: the anonymous per-address-and-day limit, and the rate limit. */
    @Column(name = "client_key", nullable = false)
    public String clientKey;

    /** The signed-in citizen's account (the token's subject): one evaluation per citizen and commitment; null when anonymous. */
    public String citizen;

    /** When a citizen last revised the evaluation; null if never. */
    @Column(name = "revised_at")
    public OffsetDateTime revisedAt;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderated_at")
    public OffsetDateTime moderatedAt;

    /** A signed-in citizen's evaluation, not an anonymous one. */
    public boolean verified() {
        return citizen != null;
    }

    /** Its comment waits for moderation (an evaluation without a comment is never moderated). */
    @Override
    public boolean awaitsModeration() {
        return commentStatus == CommentStatus.PENDING;
    }

    @Override
    public String moderationState() {
        return commentStatus.name();
    }

    @Override
    public void moderated(Moderation.Decision decision) {
        commentStatus = decision.verdict() == Moderation.Verdict.APPROVED ? CommentStatus.APPROVED : CommentStatus.REJECTED;
        if (decision.verdict() == Moderation.Verdict.REJECTED) {
            rejectReason = decision.reason();
        }
        moderatedBy = decision.moderator();
        moderatedAt = decision.at();
    }

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
