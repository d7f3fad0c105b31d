package cn.gov.partyaffairs.contracts.supervision;

/** Where a finding came from: typed in by a guidance group, or raised by itself from another service's lapse. */
public enum FindingSource {
    /** Recorded at an on-site inspection. */
    INSPECTION,
    /** Recorded by the group outside an inspection, while guiding the unit. */
    GUIDANCE,
    /** Raised automatically: the unit missed a disclosure period ({@code DisclosureOverdue}). */
    DISCLOSURE_LAPSE,
    /** Raised automatically: a practical thing the unit pledged is overdue ({@code CommitmentOverdue}). */
    COMMITMENT_LAPSE
}
