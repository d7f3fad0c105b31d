package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.departments.Department;
import cn.gov.partyaffairs.commitment.departments.DepartmentRepository;
import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.replica.KnownOrganization;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashMap;
import java.util.Map;

/** The Chinese names of the departments, organizations and categories a response mentions, each looked up once. */
@RequestScoped
public class CommitmentNames {

    private final DepartmentRepository departments;
    private final OrganizationReplica organizations;
    private final Map<String, String> departmentNames = new HashMap<>();
    private final Map<String, String> organizationNames = new HashMap<>();

    public CommitmentNames(DepartmentRepository departments, OrganizationReplica organizations) {
        this.departments = departments;
        this.organizations = organizations;
    }

    public String department(String code) {
        return code == null ? null : departmentNames.computeIfAbsent(code,
                c -> departments.findByCode(c).map((Department d) -> d.name).orElse(c));
    }

    public String organization(String code) {
        return code == null ? null : organizationNames.computeIfAbsent(code,
                c -> organizations.findByCode(c).map((KnownOrganization o) -> o.name).orElse(c));
    }

    public String category(String code) {
        if (code == null) {
            return null;
        }
        return Labels.zh(Labels.CATEGORY, code);
    }
}
