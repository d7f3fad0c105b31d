package cn.gov.partyaffairs.contracts;

/** The Kafka topics of the suite: one per owning service, every event type of that service on it. */
public final class Topics {
    public static final String DISCLOSURE = "disclosure.events";
    public static final String COMMITMENT = "commitment.events";
    public static final String SUPERVISION = "supervision.events";

    private Topics() {
    }
}
