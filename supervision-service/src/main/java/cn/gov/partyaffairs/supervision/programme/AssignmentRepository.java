package cn.gov.partyaffairs.supervision.programme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<GroupAssignment, UUID> {

    /** The group responsible for the unit now, if any. */
    public Optional<GroupAssignment> current(UUID unitId) {
        return find("unitId = ?1 and assignedUntil is null", unitId).firstResultOptional();
    }

    /** The code of the group responsible for the unit with this organization code now, or null. */
    public String currentGroupOf(String unitCode) {
        return getEntityManager().createQuery("""
                        select a.groupCode from GroupAssignment a, DemonstrationUnit u
                        where a.unitId = u.id and u.organizationCode = :code and a.assignedUntil is null""", String.class)
                .setParameter("code", unitCode).getResultStream().findFirst().orElse(null);
    }

    /** Every group that was ever responsible for the unit, oldest first. */
    public List<GroupAssignment> history(UUID unitId) {
        return list("unitId = ?1 order by assignedFrom, createdAt", unitId);
    }

    /** The organization codes of the units a group is responsible for now. */
    public List<String> currentUnitCodes(String groupCode) {
        return getEntityManager().createQuery("""
                        select u.organizationCode from GroupAssignment a, DemonstrationUnit u
                        where a.unitId = u.id and a.groupCode = :group and a.assignedUntil is null
                        order by u.organizationCode""", String.class)
                .setParameter("group", groupCode).getResultList();
    }
}
