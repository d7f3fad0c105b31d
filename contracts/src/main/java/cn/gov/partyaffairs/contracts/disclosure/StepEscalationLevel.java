package cn.gov.partyaffairs.contracts.disclosure;

/**
 * To whom a disclosure's step that went past its limit is escalated (names in {@code Labels} under
 * {@code escalation}): first the parent organization of the disclosing organization, then the county office.
 */
public enum StepEscalationLevel {
    /** Past the step's limit in working days: the parent organization (the competent organization) is told. */
    PARENT_ORGANIZATION,
    /** Past the second limit: the county's party affairs disclosure office is told, and supervision raises a finding. */
    COUNTY_OFFICE
}
