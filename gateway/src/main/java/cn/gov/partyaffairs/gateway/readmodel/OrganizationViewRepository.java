package cn.gov.partyaffairs.gateway.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationViewRepository implements PanacheRepositoryBase<OrganizationView, UUID> {

    public Optional<OrganizationView> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** A demonstration unit and its guidance group (null while none is assigned). */
    public record Unit(String groupCode, String groupName) {
    }

    /** The organization's designation as a demonstration unit, or null. */
    public Unit unit(String organizationCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT u.group_code, g.name FROM unit_view u LEFT JOIN group_view g ON g.code = u.group_code
                WHERE u.designated AND u.organization_code = ?1""").setParameter(1, organizationCode).getResultList();
        return rows.isEmpty() ? null : new Unit((String) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** Every current demonstration unit, by organization code. */
    public Map<String, Unit> units() {
        Map<String, Unit> units = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT u.organization_code, u.group_code, g.name FROM unit_view u
                LEFT JOIN group_view g ON g.code = u.group_code WHERE u.designated""").getResultList();
        for (Object[] row : rows) {
            units.put((String) row[0], new Unit((String) row[1], (String) row[2]));
        }
        return units;
    }

    /** @param demonstration true: only demonstration units; false: only others; null: all */
    public PanacheQuery<OrganizationView> search(String type, String parentCode, String text, Boolean demonstration) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (demonstration != null) {
            where.add((demonstration ? "" : "not ")
                    + "exists (from UnitView u where u.organizationCode = code and u.designated = true)");
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (parentCode != null) {
            where.add("parentCode = :parent");
            params.and("parent", parentCode);
        }
        if (text != null) {
            where.add("(lower(name) like :text or lower(code) like :text)");
            params.and("text", "%" + text.toLowerCase() + "%");
        }
        return find(String.join(" and ", where), Sort.by("code"), params);
    }
}
