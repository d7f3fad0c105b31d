package cn.gov.partyaffairs.disclosure.organizations;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Optional<Organization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Organizations matching every given filter (null filters are ignored), ordered by code. */
    public PanacheQuery<Organization> search(String type, String parentCode, String text) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (type != null) {
            where.add("type = :type");
            params.and("type", type);
        }
        if (parentCode != null) {
            where.add("parent.code = :parent");
            params.and("parent", parentCode);
        }
        if (text != null) {
            where.add("(lower(name) like :text or lower(code) like :text)");
            params.and("text", "%" + text.toLowerCase() + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("code"), params);
    }
}
