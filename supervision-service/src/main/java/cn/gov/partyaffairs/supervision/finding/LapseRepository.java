package cn.gov.partyaffairs.supervision.finding;

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
public class LapseRepository implements PanacheRepositoryBase<Lapse, UUID> {

    /** Latest due date first; {@code open} means not cured. */
    public PageResult<Lapse> search(String organization, Lapse.Kind kind, Boolean open, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (organization != null) {
            where.add("organizationCode = :organization");
            params.and("organization", organization);
        }
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (open != null) {
            where.add(open ? "curedOn is null" : "curedOn is not null");
        }
        PanacheQuery<Lapse> found = find(String.join(" and ", where), Sort.descending("dueDate").and("id"), params);
        return new PageResult<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }

    /** The organization's lapses not cured yet, earliest due first. */
    public List<Lapse> open(String organizationCode) {
        return list("organizationCode = ?1 and curedOn is null order by dueDate, id", organizationCode);
    }
}
