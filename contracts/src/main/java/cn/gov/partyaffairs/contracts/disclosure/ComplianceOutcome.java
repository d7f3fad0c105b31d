package cn.gov.partyaffairs.contracts.disclosure;

/**
 * What the cadence engine decided for one organization's period. The engine decides; every reader shows the
 * decision and counts it through {@link ComplianceRate}, never by its own rule.
 */
public enum ComplianceOutcome {
    /** Not yet due, nothing published. */
    PENDING,
    /** Published by the due date. */
    KEPT,
    /** Published after the due date, before a lapse was raised. */
    LATE,
    /** The due date passed with nothing published. */
    MISSING,
    /** Published after the lapse was raised: late, and the lapse is closed. */
    CURED,
    /** Excused by the county office, with a reason; not counted. */
    EXEMPTED;

    /** Whether a period with this outcome counts towards the rate once its due date has passed. */
    public boolean counts() {
        return this != PENDING && this != EXEMPTED;
    }
}
