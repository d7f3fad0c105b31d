package cn.gov.partyaffairs.gateway.rest;

import java.util.Map;
import java.util.TreeMap;

/**
 * The county dashboard, from counters the projections move event by event (never a recount on a request).
 *
 * @param organizations        active organizations in the register
 * @param publicDisclosures    published disclosures public to society (party-internal ones are not counted here)
 * @param complianceByType     per organization type: periods kept, late and missing, and the share kept on time
 * @param commitments          per kind (SERVICE, PRACTICAL_THING): the same figures as the commitment service's
 * @param satisfaction         the public's ratings of all commitments
 * @param mediaAdoptedByLevel  pieces adopted by outside media, by outlet level
 * @param commentsApproved     approved public comments
 */
public record Dashboard(long organizations, long publicDisclosures, Map<String, Compliance> complianceByType,
                        Map<String, Commitments> commitments, PublicDtos.Satisfaction satisfaction,
                        Map<String, Long> mediaAdoptedByLevel, Map<String, Long> mediaSubmittedByLevel,
                        long commentsApproved) {

    public record Compliance(long kept, long late, long missing, Double onTimeRate) {
    }

    public record Commitments(long pledged, long inProgress, long fulfilled, long fulfilledOnTime, Double onTimeRate,
                              long overdue, long withdrawn, Double averageProgress) {
    }

    /** Reads the dashboard out of the flat counters ({@code commitments.SERVICE.FULFILLED} and the like). */
    public static Dashboard of(Map<String, Long> figures) {
        Map<String, Compliance> compliance = new TreeMap<>();
        Map<String, Commitments> commitments = new TreeMap<>();
        Map<String, Long> adopted = new TreeMap<>();
        Map<String, Long> submitted = new TreeMap<>();
        for (String key : figures.keySet()) {
            String[] parts = key.split("\\.");
            if (parts[0].equals("compliance") && parts.length == 3) {
                String type = parts[1];
                long kept = figures.getOrDefault("compliance." + type + ".KEPT", 0L);
                long late = figures.getOrDefault("compliance." + type + ".LATE", 0L);
                long missing = figures.getOrDefault("compliance." + type + ".MISSING", 0L);
                if (kept + late + missing > 0) {
                    compliance.put(type, new Compliance(kept, late, missing, PublicDtos.ratio(kept, kept + late + missing)));
                }
            } else if (parts[0].equals("commitments") && parts.length == 3) {
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
            } else if (parts[0].equals("media") && parts.length == 3) {
                (parts[1].equals("adopted") ? adopted : submitted).put(parts[2], figures.get(key));
            }
        }
        return new Dashboard(figures.getOrDefault("organizations", 0L),
                figures.getOrDefault("disclosures.published.public", 0L), compliance, commitments,
                PublicDtos.Satisfaction.of(figures.getOrDefault("evaluations.SATISFIED", 0L),
                        figures.getOrDefault("evaluations.BASICALLY_SATISFIED", 0L),
                        figures.getOrDefault("evaluations.DISSATISFIED", 0L)),
                adopted, submitted, figures.getOrDefault("comments.approved", 0L));
    }
}
