package cn.gov.partyaffairs.gateway.readmodel;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;

import java.util.Optional;

/**
 * One dashboard counter of {@code county_figure}: the projections move them ({@link CountyFigureRepository#add}),
 * the dashboards read them. The name a counter is stored under is made ({@link #key()}) and read back
 * ({@link #parse}) here alone, so that a writer and the reader cannot drift apart; the names are those the table
 * already holds.
 */
public sealed interface CountyFigure {

    /** The name it is stored under. */
    String key();

    /** Counters of one thing each. */
    enum Total implements CountyFigure {
        ORGANIZATIONS("organizations"),
        PUBLIC_DISCLOSURES("disclosures.published.public"),
        INTERNAL_DISCLOSURES("disclosures.published.internal"),
        APPROVED_COMMENTS("comments.approved"),
        /** Evaluations by citizens signed in (the rest are anonymous). */
        VERIFIED_EVALUATIONS("evaluations.verified"),
        INSPECTIONS("inspections"),
        OPEN_FINDINGS("findings.open"),
        OVERDUE_FINDINGS("findings.overdue");

        private final String key;

        Total(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Published disclosures of one scope. */
    static Total publishedDisclosures(String scope) {
        return "PUBLIC".equals(scope) ? Total.PUBLIC_DISCLOSURES : Total.INTERNAL_DISCLOSURES;
    }

    /** Media pieces submitted, by outlet level. */
    record MediaSubmitted(String level) implements CountyFigure {
        @Override
        public String key() {
            return "media.submitted." + level;
        }
    }

    /** Media pieces adopted, by outlet level. */
    record MediaAdopted(String level) implements CountyFigure {
        @Override
        public String key() {
            return "media.adopted." + level;
        }
    }

    /** Media pieces adopted, by outlet. */
    record OutletAdopted(String outlet) implements CountyFigure {
        @Override
        public String key() {
            return "outlet.adopted." + outlet;
        }
    }

    /** The public's evaluations with one rating. */
    record Evaluations(Rating rating) implements CountyFigure {
        @Override
        public String key() {
            return "evaluations." + rating.name();
        }
    }

    /** Commitments of one kind in one status (the commitment service's status names, e.g. {@code FULFILLED}). */
    record CommitmentsInStatus(CommitmentKind kind, String status) implements CountyFigure {
        @Override
        public String key() {
            return "commitments." + kind.name() + "." + status;
        }
    }

    /** Commitments of one kind fulfilled by their due date. */
    record CommitmentsOnTime(CommitmentKind kind) implements CountyFigure {
        @Override
        public String key() {
            return "commitments." + kind.name() + ".on_time";
        }
    }

    /** The progress of the commitments of one kind not withdrawn, summed (a fulfilled one counts 100). */
    record CommitmentProgressSum(CommitmentKind kind) implements CountyFigure {
        @Override
        public String key() {
            return "commitments." + kind.name() + ".progress_sum";
        }
    }

    /** The counter stored under this name; empty for a name no counter has (a row of an older release). */
    static Optional<CountyFigure> parse(String key) {
        for (Total total : Total.values()) {
            if (total.key.equals(key)) {
                return Optional.of(total);
            }
        }
        String[] parts = key.split("\\.", 3);
        try {
            if (parts.length == 2 && parts[0].equals("evaluations")) {
                return Optional.of(new Evaluations(Rating.valueOf(parts[1])));
            }
            if (parts.length < 3) {
                return Optional.empty();
            }
            if (parts[0].equals("commitments")) {
                return Optional.ofNullable(commitments(CommitmentKind.valueOf(parts[1]), parts[2]));
            }
            return Optional.ofNullable(switch (parts[0] + "." + parts[1]) {
                case "media.submitted" -> new MediaSubmitted(parts[2]);
                case "media.adopted" -> new MediaAdopted(parts[2]);
                case "outlet.adopted" -> new OutletAdopted(parts[2]);
                default -> null;
            });
        } catch (IllegalArgumentException unknownCode) {
            return Optional.empty();
        }
    }

    private static CountyFigure commitments(CommitmentKind kind, String rest) {
        return switch (rest) {
            case "on_time" -> new CommitmentsOnTime(kind);
            case "progress_sum" -> new CommitmentProgressSum(kind);
            default -> rest.contains(".") ? null : new CommitmentsInStatus(kind, rest);
        };
    }
}
