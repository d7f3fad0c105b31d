package cn.gov.partyaffairs.contracts.disclosure;

/**
 * The one definition of the published compliance rate: periods kept on time ÷ periods due. A period is due once
 * the engine has seen its due date pass ({@code due} on {@link ComplianceOutcomeRecorded}); exempted periods are not
 * due. Late and cured periods are late; missing ones are missing. The engine's own figures and every public figure
 * are counted with this class, so they cannot drift apart.
 */
public record ComplianceRate(long onTime, long late, long missing, long exempted) {

    public static final ComplianceRate NONE = new ComplianceRate(0, 0, 0, 0);

    /** Adds one period with the engine's outcome; a period not yet due changes nothing. */
    public ComplianceRate plus(ComplianceOutcome outcome, boolean due) {
        return plus(outcome, due, 1);
    }

    /** Adds {@code periods} periods of the same outcome and due flag. */
    public ComplianceRate plus(ComplianceOutcome outcome, boolean due, long periods) {
        if (outcome == ComplianceOutcome.EXEMPTED) {
            return new ComplianceRate(onTime, late, missing, exempted + periods);
        }
        if (!due || !outcome.counts()) {
            return this;
        }
        return switch (outcome) {
            case KEPT -> new ComplianceRate(onTime + periods, late, missing, exempted);
            case LATE, CURED -> new ComplianceRate(onTime, late + periods, missing, exempted);
            default -> new ComplianceRate(onTime, late, missing + periods, exempted);
        };
    }

    public ComplianceRate plus(ComplianceRate other) {
        return new ComplianceRate(onTime + other.onTime, late + other.late, missing + other.missing,
                exempted + other.exempted);
    }

    /** The periods whose due date has passed, exempted ones left out. */
    public long periodsDue() {
        return onTime + late + missing;
    }

    /** On time ÷ periods due, to four decimals (0.7270 is 72.70 %); null while nothing is due. */
    public Double onTimeRate() {
        long due = periodsDue();
        return due == 0 ? null : Math.round(onTime * 10000.0 / due) / 10000.0;
    }
}
