package cn.gov.partyaffairs.disclosure.catalog;

/** To whom a disclosure or catalog item is open. Only {@link #PUBLIC} may ever reach a public path. */
public enum Scope {
    /** 向社会公开: to society. */
    PUBLIC,
    /** 党内公开: within the whole party. */
    PARTY_WIDE,
    /** 党内一定范围公开: within a part of the party. */
    PARTY_PART;

    public boolean isPartyInternal() {
        return this != PUBLIC;
    }
}
