package cn.gov.partyaffairs.gateway.report;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The year's tables of the county's disclosure work, for the county or one organization, from the read models. Each
 * fact counts in the year it belongs to: a disclosure in the year it was published, a period of the cadence in the
 * year it starts, a comment in the year it was approved, a commitment in the year it was pledged (with where it
 * stands now), an evaluation in the year it was given, a finding in the year it was raised. The years' figures add up
 * to the county's statistics.
 *
 * @param organization null for the county
 * @param asOf         when the read models were read (the figures of a past year change only when a late fact
 *                     arrives, e.g. a lapse cured afterwards)
 * @param findings     supervision's figures: only in the officials' report, null in the public one
 */
public record AnnualReport(int year, Organization organization, OffsetDateTime asOf, Disclosures disclosures,
                           List<Compliance> compliance, Compliance complianceTotal, long commentsApproved,
                           List<Commitments> commitments, Evaluations evaluations, Findings findings) {

    @Schema(name = "AnnualReportOrganization")
    public record Organization(String code, String name, String type, String typeLabel) {
    }

    @Schema(name = "AnnualReportCount")
    public record Count(String code, String label, long count) {
    }

    /**
     * @param byCategory one disclosure counts in every category of its catalog items
     * @param total      published public disclosures, each once
     */
    @Schema(name = "AnnualReportDisclosures")
    public record Disclosures(List<Count> byCategory, List<Count> byOrganizationType, long total) {
    }

    /** The cadence engine's outcomes of the year's periods (on time ÷ periods due, exempted periods not due). */
    @Schema(name = "AnnualReportCompliance")
    public record Compliance(String type, String label, long periodsDue, long kept, long late, long missing,
                             long exempted, Double onTimeRate) {
    }

    /** A kind's commitments pledged in the year and where they stand (as the statistics count them). */
    @Schema(name = "AnnualReportCommitments")
    public record Commitments(String kind, String label, long pledged, long inProgress, long fulfilled,
                              long fulfilledOnTime, Double onTimeRate, long overdue, long withdrawn) {
    }

    @Schema(name = "AnnualReportEvaluations")
    public record Evaluations(long evaluations, long satisfied, long basicallySatisfied, long dissatisfied,
                              Double satisfactionRate) {
    }

    /** Findings raised in the year: closed (verified or resolved), awaiting verification, open, overdue. */
    @Schema(name = "AnnualReportFindings")
    public record Findings(long raised, long closed, long awaitingVerification, long open, long overdue,
                           Double rectifiedRate) {
    }
}
