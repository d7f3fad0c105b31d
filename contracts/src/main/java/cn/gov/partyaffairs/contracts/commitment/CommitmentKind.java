package cn.gov.partyaffairs.contracts.commitment;

/** The two kinds of public commitment. */
public enum CommitmentKind {
    /** 公开服务承诺: made by a department head for a department, in a category. */
    SERVICE,
    /** 为民办实事: pledged by a party organization. */
    PRACTICAL_THING
}
