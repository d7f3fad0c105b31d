package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The county dashboard, from counters the projections move event by event (never a recount on a request).
 *
 * @param organizations        active organizations in the register
 * @param publicDisclosures    published disclosures public to society (party-internal ones are not counted here)
 * @param compliance           county-wide: the cadence engine's outcomes counted by {@link ComplianceRate}
 * @param complianceByType     per organization type, the same
 * @param commitments          per kind (SERVICE, PRACTICAL_THING): the same figures as the commitment service's
 * @param satisfaction         the public's ratings of all commitments
 * @param mediaAdoptedByLevel  pieces adopted by outside media, by outlet level
 * @param mediaAdoptedByOutlet the same by outlet (e.g. 5 by {@code people-daily-online}, 人民网)
 * @param commentsApproved     approved public comments
 */
public record Dashboard(long organizations, long publicDisclosures, Compliance compliance,
                        Map<String, Compliance> complianceByType,
                        Map<String, Commitments> commitments, PublicDtos.Satisfaction satisfaction,
                        Map<String, Long> mediaAdoptedByLevel, Map<String, Long> mediaSubmittedByLevel,
                        Map<String, Long> mediaAdoptedByOutlet, long commentsApproved) {

    /** @param kept on time; {@code late} includes cured lapses; {@code periodsDue} leaves exempted periods out */
    public record Compliance(long kept, long late, long missing, long exempted, long periodsDue, Double onTimeRate) {
        public static Compliance of(ComplianceRate rate) {
            return new Compliance(rate.onTime(), rate.late(), rate.missing(), rate.exempted(), rate.periodsDue(),
                    rate.onTimeRate());
        }
    }

    public record Commitments(long pledged, long inProgress, long fulfilled, long fulfilledOnTime, Double onTimeRate,
                              long overdue, long withdrawn, Double averageProgress) {

        static Commitments of(CommitmentKind kind, Map<CountyFigure, Long> figures) {
            long open = inStatus(figures, kind, "PLEDGED") + inStatus(figures, kind, "IN_PROGRESS");
            long fulfilled = inStatus(figures, kind, "FULFILLED");
            long overdue = inStatus(figures, kind, "OVERDUE");
            long onTime = count(figures, new CountyFigure.CommitmentsOnTime(kind));
            long pledged = open + fulfilled + overdue;
            long progress = count(figures, new CountyFigure.CommitmentProgressSum(kind));
            return new Commitments(pledged, open, fulfilled, onTime, PublicDtos.ratio(onTime, fulfilled), overdue,
                    inStatus(figures, kind, "WITHDRAWN"),
                    pledged == 0 ? null : Math.round(progress * 10.0 / pledged) / 10.0);
        }

        private static long inStatus(Map<CountyFigure, Long> figures, CommitmentKind kind, String status) {
            return count(figures, new CountyFigure.CommitmentsInStatus(kind, status));
        }
    }

    /** Reads the dashboard out of the counters the projections keep and the compliance matrix's cells by type. */
    public static Dashboard of(Map<CountyFigure, Long> figures, Map<String, ComplianceRate> complianceByType) {
        Map<String, Compliance> compliance = new TreeMap<>();
        ComplianceRate county = ComplianceRate.NONE;
        for (Map.Entry<String, ComplianceRate> type : complianceByType.entrySet()) {
            compliance.put(type.getKey(), Compliance.of(type.getValue()));
            county = county.plus(type.getValue());
        }
        Set<CommitmentKind> kinds = EnumSet.noneOf(CommitmentKind.class);
        Map<String, Long> adopted = new TreeMap<>();
        Map<String, Long> submitted = new TreeMap<>();
        Map<String, Long> byOutlet = new TreeMap<>();
        figures.forEach((figure, value) -> {
            if (figure instanceof CountyFigure.CommitmentsInStatus c) {
                kinds.add(c.kind());
            } else if (figure instanceof CountyFigure.CommitmentsOnTime c) {
                kinds.add(c.kind());
            } else if (figure instanceof CountyFigure.CommitmentProgressSum c) {
                kinds.add(c.kind());
            } else if (figure instanceof CountyFigure.OutletAdopted o) {
                byOutlet.put(o.outlet(), value);
            } else if (figure instanceof CountyFigure.MediaAdopted m) {
                adopted.put(m.level(), value);
            } else if (figure instanceof CountyFigure.MediaSubmitted m) {
                submitted.put(m.level(), value);
            }
        });
        Map<String, Commitments> commitments = new TreeMap<>();
        for (CommitmentKind kind : kinds) {
            commitments.put(kind.name(), Commitments.of(kind, figures));
        }
        return new Dashboard(count(figures, CountyFigure.Total.ORGANIZATIONS),
                count(figures, CountyFigure.Total.PUBLIC_DISCLOSURES), Compliance.of(county), compliance, commitments,
                PublicDtos.Satisfaction.of(count(figures, new CountyFigure.Evaluations(Rating.SATISFIED)),
                        count(figures, new CountyFigure.Evaluations(Rating.BASICALLY_SATISFIED)),
                        count(figures, new CountyFigure.Evaluations(Rating.DISSATISFIED)),
                        count(figures, CountyFigure.Total.VERIFIED_EVALUATIONS)),
                adopted, submitted, byOutlet, count(figures, CountyFigure.Total.APPROVED_COMMENTS));
    }

    /** A counter's value, 0 when it was never moved (or is back at zero). */
    public static long count(Map<CountyFigure, Long> figures, CountyFigure figure) {
        return figures.getOrDefault(figure, 0L);
    }
}
