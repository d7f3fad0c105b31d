package cn.gov.partyaffairs.disclosure.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public comment on a disclosure; shown only once approved. */
@Entity
@Table(name = "disclosure_comment")
public class Comment {

    @Schema(name = "DisclosureCommentStatus")
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;

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

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
