package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.replica.KnownOrganization;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashMap;
import java.util.Map;

/** The current names of the organizations and groups a response mentions, each looked up once. */
@RequestScoped
public class SupervisionNames {

    private final OrganizationReplica organizations;
    private final GroupRepository groups;
    private final Map<String, String> organizationNames = new HashMap<>();
    private final Map<String, String> groupNames = new HashMap<>();

    public SupervisionNames(OrganizationReplica organizations, GroupRepository groups) {
        this.organizations = organizations;
        this.groups = groups;
    }

    public String organization(String code) {
        return code == null ? null : organizationNames.computeIfAbsent(code,
                c -> organizations.findByCode(c).map((KnownOrganization o) -> o.name).orElse(c));
    }

    public String group(String code) {
        return code == null ? null : groupNames.computeIfAbsent(code,
                c -> groups.findByCode(c).map((GuidanceGroup g) -> g.name).orElse(c));
    }
}
