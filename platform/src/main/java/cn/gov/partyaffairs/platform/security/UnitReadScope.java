package cn.gov.partyaffairs.platform.security;

import cn.gov.partyaffairs.platform.error.ProblemException;

import java.util.function.Function;

/**
 * Who may read the records of one organization that others watch over — a demonstration unit's findings,
 * inspections, set-up tasks; an organization's media submissions. The county's policy: the county office (county
 * admin) reads all; an organization's own clerk reads its own; the inspectors of the guidance group responsible for a
 * unit read that unit's. Everyone else — another organization's clerk, a department head, a department's system —
 * reads the aggregate figures only (the gateway's dashboard and the public statistics), never another's records.
 *
 * @param all          the county office: no narrowing
 * @param organization the clerk's own organization, or null
 * @param group        the inspector's guidance group, or null
 */
public record UnitReadScope(boolean all, String organization, String group) {

    static final String AGGREGATES_ONLY = "您的角色只能查看汇总数字（见数据大屏和公开统计）；单位的具体记录仅限本单位、"
            + "负责的督促指导小组和县党务公开办查看";

    /** The caller's scope; refuses (403) a caller who may read no organization's records. */
    public static UnitReadScope of(Caller caller) {
        return of(caller, null);
    }

    /**
     * The caller's scope for records a system may be granted to read ({@code systemScope}): such a system reads its
     * own organization's, as that organization's clerk does.
     */
    public static UnitReadScope of(Caller caller, SystemScope systemScope) {
        if (caller.is(Caller.COUNTY_ADMIN)) {
            return new UnitReadScope(true, null, null);
        }
        String group = caller.is(Caller.INSPECTOR) ? caller.guidanceGroup().orElse(null) : null;
        boolean ownOrganization = caller.is(Caller.ORG_CLERK) || systemScope != null && caller.hasScope(systemScope);
        String organization = ownOrganization ? caller.organizationCode().orElse(null) : null;
        if (group == null && organization == null) {
            throw ProblemException.forbidden(AGGREGATES_ONLY);
        }
        return new UnitReadScope(false, organization, group);
    }

    /** Whether the records of this organization, watched by this group (null: none), are the caller's to read. */
    public boolean mayRead(String organizationCode, String responsibleGroup) {
        return all || (organization != null && organization.equals(organizationCode))
                || (group != null && group.equals(responsibleGroup));
    }

    /** Refuses (403) a read of another's records. */
    public void requireMayRead(String organizationCode, String responsibleGroup) {
        if (!mayRead(organizationCode, responsibleGroup)) {
            throw ProblemException.forbidden("此记录属于单位 " + organizationCode + "，" + AGGREGATES_ONLY);
        }
    }

    /**
     * A list's filters, narrowed to what the caller may read: a clerk's list is their organization's, an inspector's
     * their group's units'; asking for another's is refused (403), not silently emptied.
     *
     * @param unit         the organization asked for, or null
     * @param group        the group asked for, or null
     * @param groupOfUnit  the group now responsible for a unit (null if none)
     */
    public Filter narrow(String unit, String group, Function<String, String> groupOfUnit) {
        if (all) {
            return new Filter(unit, group);
        }
        if (this.group != null) {
            boolean ownUnit = unit != null && organization != null && organization.equals(unit);
            if (group != null && !group.equals(this.group) && !ownUnit) {
                throw ProblemException.forbidden("您只能查看本督促指导小组 " + this.group + " 负责的单位；" + AGGREGATES_ONLY);
            }
            if (unit != null && !ownUnit && !this.group.equals(groupOfUnit.apply(unit))) {
                throw ProblemException.forbidden("单位 " + unit + " 不由您的督促指导小组负责；" + AGGREGATES_ONLY);
            }
            return ownUnit ? new Filter(unit, group) : new Filter(unit, this.group);
        }
        if (unit != null && !unit.equals(organization)) {
            throw ProblemException.forbidden("您只能查看本单位 " + organization + " 的记录；" + AGGREGATES_ONLY);
        }
        if (group != null && !group.equals(groupOfUnit.apply(organization))) {
            throw ProblemException.forbidden("督促指导小组 " + group + " 不负责您的单位 " + organization + "；" + AGGREGATES_ONLY);
        }
        return new Filter(organization, group);
    }

    /**
     * For records only the organization itself and the county office keep (media submissions): the organization a
     * list is narrowed to (null: all, for the county office); 403 for anyone else or for another organization.
     */
    public String ownOrganization(String asked) {
        if (all) {
            return asked;
        }
        if (organization == null) {
            throw ProblemException.forbidden(AGGREGATES_ONLY);
        }
        if (asked != null && !asked.equals(organization)) {
            throw ProblemException.forbidden("您只能查看本组织 " + organization + " 的记录；" + AGGREGATES_ONLY);
        }
        return organization;
    }

    /** The filters a list runs with. */
    public record Filter(String unit, String group) {
    }
}
