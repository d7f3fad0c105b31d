package cn.gov.partyaffairs.commitment.commitments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One report on a commitment's progress; the reports in order are its public timeline. */
@Entity
@Table(name = "progress_report")
public class ProgressReport {

    @Id
    public UUID id;

    @Column(name = "commitment_id", nullable = false)
    public UUID commitmentId;

    public Integer percent;

    public BigDecimal quantity;

    public String note;

    /** Why the progress went down, when it did. */
    public String reason;

    @Column(name = "milestone_reached")
    public String milestoneReached;

    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
