package cn.gov.partyaffairs.commitment.commitments;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A step on the way to a commitment's target, reached when a progress report says so. */
@Embeddable
public class Milestone {

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "reached_on")
    public LocalDate reachedOn;

    /** When its date was found passed unreached ({@code CommitmentMilestoneMissed}); null while it was not. */
    @Column(name = "missed_at")
    public OffsetDateTime missedAt;

    /** 已达成, 逾期达成, 逾期未达成 or 未到期: what the console and the public timeline say of it. */
    public String stateLabel() {
        if (reachedOn != null) {
            return missedAt != null || (dueDate != null && reachedOn.isAfter(dueDate)) ? "逾期达成" : "已达成";
        }
        return missedAt != null ? "逾期未达成" : "未到期";
    }
}
