package cn.gov.partyaffairs.gateway.repository;

import cn.gov.partyaffairs.gateway.view.OrganizationView;
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
public class OrganizationViewRepository implements PanacheRepositoryBase<OrganizationView, UUID> {

    public Optional<OrganizationView> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public PanacheQuery<OrganizationView> search(String type, String parentCode, String text) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
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
