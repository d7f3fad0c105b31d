package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.platform.security.Caller;

/**
 * Which logged events a stream client may receive, decided once when it connects: the public only public ones;
 * county admins everything; a clerk public events and their organization's; a department head public events and
 * their department's; an inspector public events and supervision's.
 */
public record StreamScope(boolean everything, String organizationCode, String departmentCode, boolean supervision) {

    public static final StreamScope PUBLIC = new StreamScope(false, null, null, false);

    public static StreamScope of(Caller caller) {
        if (caller.is(Caller.COUNTY_ADMIN)) {
            return new StreamScope(true, null, null, false);
        }
        return new StreamScope(false,
                caller.is(Caller.ORG_CLERK) ? caller.organizationCode().orElse(null) : null,
                caller.is(Caller.DEPARTMENT_HEAD) ? caller.departmentCode().orElse(null) : null,
                caller.is(Caller.INSPECTOR));
    }
}
