package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    /** Newest first. {@code group} is the group responsible for the unit when it was inspected. */
    public PageResult<Inspection> search(UUID round, String unit, String group, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (round != null) {
            where.add("roundId = :round");
            params.and("round", round);
        }
        if (unit != null) {
            where.add("unitCode = :unit");
            params.and("unit", unit);
        }
        if (group != null) {
            where.add("groupCode = :group");
            params.and("group", group);
        }
        PanacheQuery<Inspection> found = find(String.join(" and ", where),
                Sort.descending("inspectedOn").and("unitCode"), params);
        return new PageResult<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }
}
