package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.platform.publicinput.Moderation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public comment on a disclosure; shown only once approved. */
@Entity
@Table(name = "disclosure_comment")
public class Comment extends Aggregate implements Moderation.Moderated {

    @Schema(name = "DisclosureCommentStatus")
    public enum Status { PENDING, APPROVED, REJECTED }

    @Column(name = "disclosure_id", nullable = false)
    public UUID disclosureId;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(nullable = false)
    public String body;

    /** A hash of the sender's address, for rate limiting only. */
    @Column(name = "client_key", nullable = false)
    public String clientKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "moderated_by")
    public String moderatedBy;

    @Column(name = "moderated_at")
    public OffsetDateTime moderatedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Override
    public boolean awaitsModeration() {
        return status == Status.PENDING;
    }

    @Override
    public String moderationState() {
        return status.name();
    }

    @Override
    public void moderated(Moderation.Decision decision) {
        status = decision.verdict() == Moderation.Verdict.APPROVED ? Status.APPROVED : Status.REJECTED;
        if (decision.verdict() == Moderation.Verdict.REJECTED) {
            rejectReason = decision.reason();
        }
        moderatedBy = decision.moderator();
        moderatedAt = decision.at();
    }
}
