package cn.gov.partyaffairs.commitment;

/**
 * Where a commitment stands: pledged → in progress → fulfilled (on time or late). Overdue when the due date passed
 * unfulfilled; it can still be fulfilled, late. Withdrawn only with a public reason. Fulfilled and withdrawn are final.
 */
public enum CommitmentStatus {
    PLEDGED("已承诺"),
    IN_PROGRESS("推进中"),
    OVERDUE("已逾期"),
    FULFILLED("已兑现"),
    WITHDRAWN("已撤回");

    private final String label;

    CommitmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still to be delivered: progress can be reported, it can be fulfilled or withdrawn. */
    public boolean isOpen() {
        return this == PLEDGED || this == IN_PROGRESS || this == OVERDUE;
    }

    /** The form the 409 problem names the state in, e.g. {@code FULFILLED（已兑现）}. */
    public String named() {
        return name() + "（" + label + "）";
    }
}
