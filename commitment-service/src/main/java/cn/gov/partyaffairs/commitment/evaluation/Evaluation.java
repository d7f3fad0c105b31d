package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
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
public class Evaluation extends Aggregate {

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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
