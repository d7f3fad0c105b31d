package cn.gov.partyaffairs.platform.security;

/**
 * Who did something: a person by account name, or a department's system by its client id.
 *
 * @param kind person, system, or anonymous (the public's comments and evaluations)
 * @param id   the account name or the client id
 */
public record Actor(Kind kind, String id) {

    public enum Kind { PERSON, SYSTEM, ANONYMOUS }
}
