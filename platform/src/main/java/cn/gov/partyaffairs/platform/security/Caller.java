package cn.gov.partyaffairs.platform.security;

import cn.gov.partyaffairs.platform.audit.Actor;

import cn.gov.partyaffairs.platform.error.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling and what they are bound to, read from the token. Roles bound to one organization, department or
 * guidance group may act for it only; the owning service checks that here, not just the gateway.
 *
 * <p>A caller is a person (an official signed in) or a system (another department's system signing in with its own
 * client credentials, role {@code integration}). A system reads the aggregates and keeps its webhooks; beyond that it
 * may do only what the county admin granted it, as OAuth scopes in its token ({@link SystemScope}), for the
 * department or organization its account is bound to.
 */
@RequestScoped
public class Caller {

    public static final String COUNTY_ADMIN = "county-admin";
    public static final String ORG_CLERK = "org-clerk";
    public static final String DEPARTMENT_HEAD = "department-head";
    public static final String INSPECTOR = "inspector";
    public static final String INTEGRATION = "integration";
    /** A member of the public with an account of their own (群众): evaluates commitments as one person. */
    public static final String CITIZEN = "citizen";

    public static final String ORG_CODE_CLAIM = "org_code";
    public static final String DEPARTMENT_CLAIM = "department_code";
    public static final String GUIDANCE_GROUP_CLAIM = "guidance_group";
    /**
     * Set only in a token a client obtained for itself (client credentials): Keycloak's {@code service_account}
     * client scope maps it; a person's token names its client in {@code azp} instead.
     */
    public static final String CLIENT_ID_CLAIM = "client_id";
    public static final String SCOPE_CLAIM = "scope";

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

    /** The account's stable id (the token's {@code sub}); null for the anonymous public. */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** No token: a member of the public. */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** A department's system acting by itself (client credentials), not a person. */
    public boolean isSystem() {
        return is(INTEGRATION) && clientId().isPresent();
    }

    /** The system's client id; empty for a person. */
    public Optional<String> clientId() {
        return claim(CLIENT_ID_CLAIM);
    }

    /**
     * Who acts, as the audit trail records it: a person by account name, a department's system by its client id, the
     * public without a name.
     */
    public Actor actor() {
        if (isSystem()) {
            return new Actor(clientId().orElseThrow(), Actor.Kind.SYSTEM);
        }
        if (anonymous()) {
            return new Actor(Actor.PUBLIC_ID, Actor.Kind.PUBLIC);
        }
        return new Actor(username(), is(INTEGRATION) ? Actor.Kind.SYSTEM : Actor.Kind.PERSON);
    }

    /** Whether this caller is a system the county admin granted the scope. */
    public boolean hasScope(SystemScope scope) {
        return isSystem() && grantedScopes().contains(scope.value());
    }

    /** County admins may; a system may when granted the scope; everyone else is refused (403). */
    public void requireCountyAdminOr(SystemScope scope) {
        if (is(COUNTY_ADMIN) || hasScope(scope)) {
            return;
        }
        throw ProblemException.forbidden(isSystem() ? notGranted(scope) : "只有县党务公开办可以执行此操作");
    }

    private Set<String> grantedScopes() {
        return claim(SCOPE_CLAIM).map(value -> Arrays.stream(value.trim().split("\\s+")).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private String notGranted(SystemScope scope) {
        return "系统 " + clientId().orElse("") + " 未获授权“" + scope.label() + "”（" + scope.value()
                + "），请联系县党务公开办在控制台的“系统对接”中授权";
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
     * As {@link #requireActsFor(String)}, and a system granted the scope may act for the organization its account is
     * bound to.
     */
    public void requireActsFor(String organizationCode, SystemScope scope) {
        if (isSystem()) {
            requireBoundSystem(scope, organizationCode, organizationCode(), "组织");
        } else {
            requireActsFor(organizationCode);
        }
    }

    /**
     * As {@link #requireActsForDepartment(String)}, and a system granted the scope may act for the department its
     * account is bound to.
     */
    public void requireActsForDepartment(String departmentCode, SystemScope scope) {
        if (isSystem()) {
            requireBoundSystem(scope, departmentCode, departmentCode(), "部门");
        } else {
            requireActsForDepartment(departmentCode);
        }
    }

    private void requireBoundSystem(SystemScope scope, String code, Optional<String> bound, String kind) {
        if (!hasScope(scope)) {
            throw ProblemException.forbidden(notGranted(scope));
        }
        if (!code.equals(bound.orElse(null))) {
            throw ProblemException.forbidden("系统 " + clientId().orElse("") + " 只能为其所属" + kind + " "
                    + bound.orElse("（未绑定）") + " 操作；此记录属于" + kind + " " + code);
        }
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

    /** As {@link #unitReadScope()}; a system granted {@code scope} reads its own organization's records too. */
    public UnitReadScope unitReadScope(SystemScope scope) {
        return UnitReadScope.of(this, scope);
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
