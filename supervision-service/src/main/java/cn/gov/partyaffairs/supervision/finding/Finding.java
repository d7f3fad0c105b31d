package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.contracts.supervision.FindingSeverity;
import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finding (问题) against a demonstration unit and its rectification. Every step is a {@link FindingStep} row and one
 * event; {@link #version} counts both.
 */
@Entity
@Table(name = "finding")
public class Finding extends Aggregate {

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingSource source;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    /** The lapse an automatic finding stands for: one finding per lapse. */
    @Column(name = "lapse_id")
    public UUID lapseId;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingSeverity severity;

    @Column(nullable = false)
    public String responsible;

    @Column(name = "raised_on", nullable = false)
    public LocalDate raisedOn;

    @Column(nullable = false)
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    /** The evidence of the rectification last reported; cleared when the group reopens the finding. */
    public String evidence;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** When the current deadline was found passed; null until then, and again after a reopening. */
    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean isOverdue() {
        return overdueSince != null && status.awaitsRectification();
    }
}
