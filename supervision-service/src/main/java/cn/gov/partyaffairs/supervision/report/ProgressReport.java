package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A guidance group's progress report for one period (one per group and period). */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends Aggregate {

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(nullable = false)
    public String period;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    /** {@link ReportFigures} as JSON, as last generated. */
    @Column(nullable = false)
    public String figures;

    @Column(nullable = false)
    public String summary;

    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;

    @Column(name = "generated_at", nullable = false)
    public OffsetDateTime generatedAt;

    @Column(name = "filed_by")
    public String filedBy;

    @Column(name = "filed_at")
    public OffsetDateTime filedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
