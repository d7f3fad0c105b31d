package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An approved comment of an evaluation. */
@Entity
@Table(name = "evaluation_comment_view")
public class EvaluationCommentView {
    @Id
    public UUID id;
    @Column(name = "commitment_id")
    public UUID commitmentId;
    public String rating;
    public String comment;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
}
