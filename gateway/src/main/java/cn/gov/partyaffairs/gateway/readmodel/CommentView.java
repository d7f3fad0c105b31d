package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An approved public comment; nothing unmoderated is stored on this side. */
@Entity
@Table(name = "comment_view")
public class CommentView {
    @Id
    public UUID id;
    @Column(name = "disclosure_id")
    public UUID disclosureId;
    @Column(name = "author_name")
    public String authorName;
    public String body;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
}
