package cn.gov.partyaffairs.platform.security;

import cn.gov.partyaffairs.platform.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling and what they are bound to, read from the token. Roles bound to one organization, department or
 * guidance group may act for it only; the owning service checks that here, not just the gateway.
 */
@RequestScoped
public class Caller {

    public static final String COUNTY_ADMIN = "county-admin";
    public static final String ORG_CLERK = "org-clerk";
    public static final String DEPARTMENT_HEAD = "department-head";
    public static final String INSPECTOR = "inspector";
    public static final String INTEGRATION = "integration";

    public static final String ORG_CODE_CLAIM = "org_code";
    public static final String DEPARTMENT_CLAIM = "department_code";
    public static final String GUIDANCE_GROUP_CLAIM = "guidance_group";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> organizationCode() {
        return claim(ORG_CODE_CLAIM);
    }

    public Optional<String> departmentCode() {
        return claim(DEPARTMENT_CLAIM);
    }

    public Optional<String> guidanceGroup() {
        return claim(GUIDANCE_GROUP_CLAIM);
    }

    /** County admins act for every organization; an org clerk only for the one in their token. */
    public void requireActsFor(String organizationCode) {
        if (is(COUNTY_ADMIN)) {
            return;
        }
        if (is(ORG_CLERK) && organizationCode.equals(organizationCode().orElse(null))) {
            return;
        }
        throw ProblemException.forbidden("您只能为本组织操作；此记录属于组织 " + organizationCode);
    }

    /** County admins act for every department; a department head only for the one in their token. */
    public void requireActsForDepartment(String departmentCode) {
        if (is(COUNTY_ADMIN)) {
            return;
        }
        if (is(DEPARTMENT_HEAD) && departmentCode.equals(departmentCode().orElse(null))) {
            return;
        }
        throw ProblemException.forbidden("您只能为本部门操作；此记录属于部门 " + departmentCode);
    }

    /**
     * County admins act for every guidance group; an inspector only for the group in their token, and so for the
     * units that group is responsible for. {@code groupCode} is null for a unit no group is responsible for yet.
     */
    public void requireActsForGroup(String groupCode) {
        if (is(COUNTY_ADMIN)) {
            return;
        }
        if (is(INSPECTOR) && groupCode != null && groupCode.equals(guidanceGroup().orElse(null))) {
            return;
        }
        throw ProblemException.forbidden(groupCode == null
                ? "此单位尚未指定督促指导小组，只有县党务公开办可以操作"
                : "您只能为本督促指导小组及其负责的单位操作；此记录属于小组 " + groupCode);
    }

    /** What of the organizations' watched-over records this caller may read; 403 for aggregates-only callers. */
    public UnitReadScope unitReadScope() {
        return UnitReadScope.of(this);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
