package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.supervision.Labelled;

/**
 * Where a finding stands: open → rectification reported → verified (closed), or reopened by the group with a new
 * deadline and reported again. An automatic finding is resolved by itself when its lapse is cured. Verified and
 * resolved are final.
 */
public enum FindingStatus implements Labelled {
    OPEN("待整改"),
    RECTIFICATION_REPORTED("整改待验收"),
    REOPENED("重新整改"),
    VERIFIED("已验收销号"),
    RESOLVED("已自动消除");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Waiting for the unit to rectify: the deadline runs. */
    public boolean awaitsRectification() {
        return this == OPEN || this == REOPENED;
    }

    public boolean isClosed() {
        return this == VERIFIED || this == RESOLVED;
    }
}
