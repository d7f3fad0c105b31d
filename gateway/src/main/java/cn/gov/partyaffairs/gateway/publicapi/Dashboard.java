package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceRate;

import java.util.Map;
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
    }

    /**
     * Reads the dashboard out of the flat counters ({@code commitments.SERVICE.FULFILLED} and the like) and the
     * compliance matrix's cells counted by type.
     */
    public static Dashboard of(Map<String, Long> figures, Map<String, ComplianceRate> complianceByType) {
        Map<String, Compliance> compliance = new TreeMap<>();
        ComplianceRate county = ComplianceRate.NONE;
        for (Map.Entry<String, ComplianceRate> type : complianceByType.entrySet()) {
            compliance.put(type.getKey(), Compliance.of(type.getValue()));
            county = county.plus(type.getValue());
        }
        Map<String, Commitments> commitments = new TreeMap<>();
        Map<String, Long> adopted = new TreeMap<>();
        Map<String, Long> submitted = new TreeMap<>();
        Map<String, Long> byOutlet = new TreeMap<>();
        for (String key : figures.keySet()) {
            String[] parts = key.split("\\.");
            if (parts[0].equals("commitments") && parts.length == 3) {
                String kind = parts[1];
                String prefix = "commitments." + kind + ".";
                long open = figures.getOrDefault(prefix + "PLEDGED", 0L) + figures.getOrDefault(prefix + "IN_PROGRESS", 0L);
                long fulfilled = figures.getOrDefault(prefix + "FULFILLED", 0L);
                long overdue = figures.getOrDefault(prefix + "OVERDUE", 0L);
                long onTime = figures.getOrDefault(prefix + "on_time", 0L);
                long pledged = open + fulfilled + overdue;
                long progress = figures.getOrDefault(prefix + "progress_sum", 0L);
                commitments.put(kind, new Commitments(pledged, open, fulfilled, onTime,
                        PublicDtos.ratio(onTime, fulfilled), overdue, figures.getOrDefault(prefix + "WITHDRAWN", 0L),
                        pledged == 0 ? null : Math.round(progress * 10.0 / pledged) / 10.0));
            } else if (key.startsWith("outlet.adopted.")) {
                byOutlet.put(key.substring("outlet.adopted.".length()), figures.get(key));
            } else if (parts[0].equals("media") && parts.length == 3) {
                (parts[1].equals("adopted") ? adopted : submitted).put(parts[2], figures.get(key));
            }
        }
        return new Dashboard(figures.getOrDefault("organizations", 0L),
                figures.getOrDefault("disclosures.published.public", 0L), Compliance.of(county), compliance, commitments,
                PublicDtos.Satisfaction.of(figures.getOrDefault("evaluations.SATISFIED", 0L),
                        figures.getOrDefault("evaluations.BASICALLY_SATISFIED", 0L),
                        figures.getOrDefault("evaluations.DISSATISFIED", 0L),
                        figures.getOrDefault("evaluations.verified", 0L)),
                adopted, submitted, byOutlet, figures.getOrDefault("comments.approved", 0L));
    }
}
