package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FindingRepository implements PanacheRepositoryBase<Finding, UUID> {

    /**
     * @param group   only the units this group is responsible for now
     * @param overdue only findings awaiting rectification past their deadline (true), or only the others (false)
     */
    public record Filter(String unit, String group, FindingStatus status, FindingSource source, Boolean overdue) {
    }

    /** The soonest deadline first: what needs chasing comes first. */
    public PageResult<Finding> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.unit() != null) {
            where.add("unitCode = :unit");
            params.and("unit", filter.unit());
        }
        if (filter.group() != null) {
            where.add("""
                    unitCode in (select u.organizationCode from DemonstrationUnit u, GroupAssignment a
                                 where a.unitId = u.id and a.groupCode = :group and a.assignedUntil is null)""");
            params.and("group", filter.group());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.source() != null) {
            where.add("source = :source");
            params.and("source", filter.source());
        }
        if (filter.overdue() != null) {
            String overdue = "(overdueSince is not null and status in (:awaiting))";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            params.and("awaiting", List.of(FindingStatus.OPEN, FindingStatus.REOPENED));
        }
        PanacheQuery<Finding> found = find(String.join(" and ", where), Sort.by("deadline").and("raisedOn").and("id"), params);
        return new PageResult<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }

    public Optional<Finding> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Finding> lockByLapse(UUID lapseId) {
        return find("lapseId", lapseId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<FindingStep> history(UUID findingId) {
        return getEntityManager().createQuery("from FindingStep where findingId = :id order by seq", FindingStep.class)
                .setParameter("id", findingId).getResultList();
    }

    /** The day of the finding's latest step: a new step cannot be dated before it. */
    public LocalDate lastStepOn(UUID findingId) {
        return getEntityManager().createQuery("select max(happenedOn) from FindingStep where findingId = :id", LocalDate.class)
                .setParameter("id", findingId).getSingleResult();
    }
}
