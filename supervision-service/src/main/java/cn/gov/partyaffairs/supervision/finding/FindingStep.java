package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.Labels;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One step in a finding's history: what was done, on which day, by whom, and the status and deadline it left. The
 * steps in order tell the finding's whole story, and what stood at the end of any day (the progress report reads them).
 */
@Entity
@Table(name = "finding_history")
public class FindingStep {

    public enum Action {
        RAISED,
        RECTIFICATION_REPORTED,
        VERIFIED,
        REOPENED,
        OVERDUE,
        RESOLVED;

        public String label() {
            return Labels.zh(Labels.FINDING_STEP, name());
        }
    }

    @Id
    public UUID id;

    @Column(name = "finding_id", nullable = false)
    public UUID findingId;

    /** The finding's version after the step. */
    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "on_date", nullable = false)
    public LocalDate happenedOn;

    public String note;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public OffsetDateTime at;
}
