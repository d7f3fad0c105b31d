package cn.gov.partyaffairs.supervision.programme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<DemonstrationUnit, UUID> {

    public Optional<DemonstrationUnit> findByCode(String code) {
        return find("organizationCode", code).firstResultOptional();
    }

    /** The unit, locked until the transaction ends: its assignment, tasks and automatic findings change one at a time. */
    public Optional<DemonstrationUnit> lockByCode(String code) {
        return find("organizationCode", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Units by code, optionally only one group's (its current units) or one status. */
    public List<DemonstrationUnit> search(String groupCode, UnitStatus status) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (groupCode != null) {
            where.add("id in (select a.unitId from GroupAssignment a where a.groupCode = :group and a.assignedUntil is null)");
            params.and("group", groupCode);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        return list(String.join(" and ", where), Sort.by("organizationCode"), params);
    }
}
