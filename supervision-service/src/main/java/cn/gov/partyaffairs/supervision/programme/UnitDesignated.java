package cn.gov.partyaffairs.supervision.programme;

/**
 * A unit was just designated, inside the designation's transaction (a CDI event, observed synchronously): the
 * automatic findings raise its open lapses. So the programme does not depend on the findings that depend on it.
 */
public record UnitDesignated(DemonstrationUnit unit) {
}
