package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcome;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What one organization owes for one period of its cadence, and whether it kept it. Its events are of two aggregate
 * ids: the lapse events keyed by the obligation ({@code DisclosureOverdue}, {@code DisclosureLapseCured}) and its
 * outcome keyed by {@code ComplianceOutcomeRecorded.outcomeId(id)}; the version counts both, one per event, so each
 * id's versions only grow.
 */
@Entity
@Table(name = "disclosure_obligation")
public class DisclosureObligation extends Aggregate {

    @Schema(name = "ObligationStatus")
    public enum Status { OPEN, MET, LATE, LAPSED, CURED, EXEMPTED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "disclosure_id")
    public UUID disclosureId;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "lapsed_at")
    public OffsetDateTime lapsedAt;

    /** When the clerk was reminded that the period falls due ({@code DisclosureDueSoon}); null before. */
    @Column(name = "reminded_at")
    public OffsetDateTime remindedAt;

    /** Counted over a year without the State Council's arrangement (weekends alone): recounted when it is recorded. */
    @Column(name = "due_date_provisional", nullable = false)
    public boolean dueDateProvisional;

    @Column(name = "exemption_reason")
    public String exemptionReason;

    /** The engine has seen the due date pass: the period counts towards the rate. */
    @Column(name = "due_passed", nullable = false)
    public boolean duePassed;

    /**
     * The version last published as {@code ComplianceOutcomeRecorded}; null while the current outcome waits to be
     * sent (never sent, or a due date passing marked it in bulk).
     */
    @Column(name = "outcome_version")
    public Long outcomeVersion;

    /** The engine's decision in the contract's words. */
    public ComplianceOutcome outcome() {
        return switch (status) {
            case OPEN -> duePassed ? ComplianceOutcome.MISSING : ComplianceOutcome.PENDING;
            case MET -> ComplianceOutcome.KEPT;
            case LATE -> ComplianceOutcome.LATE;
            case LAPSED -> ComplianceOutcome.MISSING;
            case CURED -> ComplianceOutcome.CURED;
            case EXEMPTED -> ComplianceOutcome.EXEMPTED;
        };
    }

    /** The same organization and period always give the same id, whichever replica computes it first. */
    public static UUID idOf(UUID organizationId, LocalDate periodStart) {
        return UUID.nameUUIDFromBytes(("obligation:" + organizationId + ":" + periodStart).getBytes());
    }
}
