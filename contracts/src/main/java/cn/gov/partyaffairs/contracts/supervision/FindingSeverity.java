package cn.gov.partyaffairs.contracts.supervision;

/** How serious a finding (问题) is. */
public enum FindingSeverity {
    /** 一般 */
    MINOR,
    /** 较重 */
    MAJOR,
    /** 严重 */
    SERIOUS
}
