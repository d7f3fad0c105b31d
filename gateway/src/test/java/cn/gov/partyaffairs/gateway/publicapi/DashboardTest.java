package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.CommitmentProgressSum;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.CommitmentsInStatus;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.CommitmentsOnTime;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.Evaluations;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.MediaAdopted;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.MediaSubmitted;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.OutletAdopted;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure.Total;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The county dashboard worked out of the counters, and the counters' stored names, which must never change. */
class DashboardTest {

    @Test
    void theDashboardIsReadOutOfTheCountersAndTheMatrix() {
        Map<CountyFigure, Long> figures = new LinkedHashMap<>();
        figures.put(Total.ORGANIZATIONS, 191L);
        figures.put(Total.PUBLIC_DISCLOSURES, 40L);
        figures.put(Total.INTERNAL_DISCLOSURES, 7L);
        figures.put(Total.APPROVED_COMMENTS, 5L);
        figures.put(Total.OPEN_FINDINGS, 9L);
        // Service commitments: 2 pledged, 3 in progress, 4 fulfilled (3 on time), 1 overdue, 2 withdrawn.
        figures.put(new CommitmentsInStatus(CommitmentKind.SERVICE, "PLEDGED"), 2L);
        figures.put(new CommitmentsInStatus(CommitmentKind.SERVICE, "IN_PROGRESS"), 3L);
        figures.put(new CommitmentsInStatus(CommitmentKind.SERVICE, "FULFILLED"), 4L);
        figures.put(new CommitmentsInStatus(CommitmentKind.SERVICE, "OVERDUE"), 1L);
        figures.put(new CommitmentsInStatus(CommitmentKind.SERVICE, "WITHDRAWN"), 2L);
        figures.put(new CommitmentsOnTime(CommitmentKind.SERVICE), 3L);
        figures.put(new CommitmentProgressSum(CommitmentKind.SERVICE), 583L);
        // Practical things known only by their progress so far: still a kind of the dashboard.
        figures.put(new CommitmentProgressSum(CommitmentKind.PRACTICAL_THING), 40L);
        figures.put(new Evaluations(Rating.SATISFIED), 6L);
        figures.put(new Evaluations(Rating.BASICALLY_SATISFIED), 3L);
        figures.put(new Evaluations(Rating.DISSATISFIED), 1L);
        figures.put(Total.VERIFIED_EVALUATIONS, 4L);
        figures.put(new MediaSubmitted("county"), 3L);
        figures.put(new MediaAdopted("county"), 2L);
        figures.put(new MediaAdopted("national"), 1L);
        figures.put(new OutletAdopted("people-daily-online"), 1L);
        Map<String, ComplianceRate> byType = Map.of(
                "village-branch", new ComplianceRate(7, 2, 1, 1),
                "township-committee", new ComplianceRate(3, 0, 0, 0));

        Dashboard dashboard = Dashboard.of(figures, byType);

        assertEquals(191, dashboard.organizations());
        assertEquals(40, dashboard.publicDisclosures()); // party-internal ones are not the public's figure
        assertEquals(new Dashboard.Compliance(10, 2, 1, 1, 13, 0.7692), dashboard.compliance());
        assertEquals(new Dashboard.Compliance(7, 2, 1, 1, 10, 0.7), dashboard.complianceByType().get("village-branch"));
        assertEquals(List.of("PRACTICAL_THING", "SERVICE"), List.copyOf(dashboard.commitments().keySet()));
        // Pledged counts every commitment not withdrawn: 5 open + 4 fulfilled + 1 overdue; 583 / 10 = 58.3 %.
        assertEquals(new Dashboard.Commitments(10, 5, 4, 3, 0.75, 1, 2, 58.3),
                dashboard.commitments().get("SERVICE"));
        assertEquals(new Dashboard.Commitments(0, 0, 0, 0, null, 0, 0, null),
                dashboard.commitments().get("PRACTICAL_THING"));
        assertEquals(new PublicDtos.Satisfaction(10, 6, 3, 1, 0.9, 4, 6), dashboard.satisfaction());
        assertEquals(Map.of("county", 2L, "national", 1L), dashboard.mediaAdoptedByLevel());
        assertEquals(Map.of("county", 3L), dashboard.mediaSubmittedByLevel());
        assertEquals(Map.of("people-daily-online", 1L), dashboard.mediaAdoptedByOutlet());
        assertEquals(5, dashboard.commentsApproved());
    }

    @Test
    void nothingCountedYetIsZeroAndNoRate() {
        Dashboard dashboard = Dashboard.of(Map.of(), Map.of());

        assertEquals(0, dashboard.organizations());
        assertNull(dashboard.compliance().onTimeRate());
        assertEquals(Map.of(), dashboard.commitments());
        assertNull(dashboard.satisfaction().rate());
    }

    /** The names {@code county_figure} already holds: a renamed one would lose its count on the next release. */
    @Test
    void everyCounterKeepsItsStoredNameAndIsReadBackFromIt() {
        Map<String, CountyFigure> stored = new LinkedHashMap<>();
        stored.put("organizations", Total.ORGANIZATIONS);
        stored.put("disclosures.published.public", Total.PUBLIC_DISCLOSURES);
        stored.put("disclosures.published.internal", Total.INTERNAL_DISCLOSURES);
        stored.put("comments.approved", Total.APPROVED_COMMENTS);
        stored.put("evaluations.verified", Total.VERIFIED_EVALUATIONS);
        stored.put("inspections", Total.INSPECTIONS);
        stored.put("findings.open", Total.OPEN_FINDINGS);
        stored.put("findings.overdue", Total.OVERDUE_FINDINGS);
        stored.put("media.submitted.county", new MediaSubmitted("county"));
        stored.put("media.adopted.national", new MediaAdopted("national"));
        stored.put("outlet.adopted.people-daily-online", new OutletAdopted("people-daily-online"));
        stored.put("evaluations.BASICALLY_SATISFIED", new Evaluations(Rating.BASICALLY_SATISFIED));
        stored.put("commitments.SERVICE.IN_PROGRESS", new CommitmentsInStatus(CommitmentKind.SERVICE, "IN_PROGRESS"));
        stored.put("commitments.PRACTICAL_THING.on_time", new CommitmentsOnTime(CommitmentKind.PRACTICAL_THING));
        stored.put("commitments.SERVICE.progress_sum", new CommitmentProgressSum(CommitmentKind.SERVICE));
        stored.forEach((name, figure) -> {
            assertEquals(name, figure.key());
            assertEquals(Optional.of(figure), CountyFigure.parse(name), name);
        });
        assertEquals(Total.PUBLIC_DISCLOSURES, CountyFigure.publishedDisclosures("PUBLIC"));
        assertEquals(Total.INTERNAL_DISCLOSURES, CountyFigure.publishedDisclosures("PARTY_INTERNAL"));
    }

    @Test
    void aNameNoCounterHasIsNotOne() {
        // Left by older releases (the compliance counters moved to the matrix) or simply not ours.
        for (String name : List.of("compliance.village-branch.kept", "evaluations.GREAT", "commitments.OTHER.PLEDGED",
                "commitments.SERVICE.a.b", "media.rejected.county", "organizations.extra", "")) {
            assertEquals(Optional.empty(), CountyFigure.parse(name), name);
        }
    }
}
