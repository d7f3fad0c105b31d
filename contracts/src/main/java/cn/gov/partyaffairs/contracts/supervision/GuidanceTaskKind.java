package cn.gov.partyaffairs.contracts.supervision;

/** The set-up tasks a guidance group tracks for each demonstration unit, as the county's report names them. */
public enum GuidanceTaskKind {
    /** 制定实施细则: the unit's implementation rules drawn up. */
    IMPLEMENTATION_RULES,
    /** 确定公开内容和目录: its content list and catalog settled. */
    CONTENT_CATALOG,
    /** 建立公开方式: its disclosure methods established. */
    DISCLOSURE_METHODS,
    /** 资料台账完整: its materials and ledgers kept complete. */
    MATERIALS_LEDGERS
}
