package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.Labels;

/**
 * Where a commitment stands: pledged → in progress → fulfilled (on time or late). Overdue when the due date passed
 * unfulfilled; it can still be fulfilled, late. Withdrawn only with a public reason. Fulfilled and withdrawn are final.
 */
public enum CommitmentStatus {
    PLEDGED,
    IN_PROGRESS,
    OVERDUE,
    FULFILLED,
    WITHDRAWN;

    /** The state's Chinese name, from the contracts' one table of names. */
    public String label() {
        return Labels.zh(Labels.STATUS, name());
    }

    /** Still to be delivered: progress can be reported, it can be fulfilled or withdrawn. */
    public boolean isOpen() {
        return this == PLEDGED || this == IN_PROGRESS || this == OVERDUE;
    }

    /** The form the 409 problem names the state in, e.g. {@code FULFILLED（已兑现）}. */
    public String named() {
        return name() + "（" + label() + "）";
    }
}
