package cn.gov.partyaffairs.platform.audit;

/**
 * Who did something, for the audit trail: an official's account, a department's system (its client id), a member of
 * the public, or the service itself (a scheduled check, a reaction to another service's event).
 */
public record Actor(String id, Kind kind) {

    public enum Kind {
        /** An official signed in with an account. */
        PERSON,
        /** Another department's system with a client-credentials token. */
        SYSTEM,
        /** Anyone, without a token (a comment, an evaluation). */
        PUBLIC,
        /** The suite's own service, acting on its own (a periodic check, an event of another service). */
        SERVICE
    }

    public static final String PUBLIC_ID = "public";

    public static Actor service(String name) {
        return new Actor(name, Kind.SERVICE);
    }
}
