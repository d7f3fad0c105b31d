package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.EventLogEntry.Audience;

/**
 * Who may see an event on the streams and webhooks: the public, or officials only; and the organization or
 * department it belongs to, for scoping the internal stream.
 */
public record Visibility(Audience audience, String organizationCode, String departmentCode) {

    public static Visibility internal(String organizationCode) {
        return new Visibility(Audience.INTERNAL, organizationCode, null);
    }

    public static Visibility open(String organizationCode) {
        return new Visibility(Audience.PUBLIC, organizationCode, null);
    }

    /** Public only when the disclosure's scope is public to society: party-internal ones never leave the inside. */
    public static Visibility ofScope(String scope, String organizationCode) {
        return "PUBLIC".equals(scope) ? open(organizationCode) : internal(organizationCode);
    }
}
