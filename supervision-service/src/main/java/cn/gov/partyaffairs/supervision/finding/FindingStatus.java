package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.supervision.Labelled;

/**
 * Where a finding stands: open → rectification reported → verified (closed), or reopened by the group with a new
 * deadline and reported again. An automatic finding is resolved by itself when its lapse is cured. Verified and
 * resolved are final.
 */
public enum FindingStatus implements Labelled {
    OPEN,
    RECTIFICATION_REPORTED,
    REOPENED,
    VERIFIED,
    RESOLVED;

    @Override
    public String label() {
        return Labels.zh(Labels.FINDING_STATUS, name());
    }

    /** Waiting for the unit to rectify: the deadline runs. */
    public boolean awaitsRectification() {
        return this == OPEN || this == REOPENED;
    }

    public boolean isClosed() {
        return this == VERIFIED || this == RESOLVED;
    }
}
