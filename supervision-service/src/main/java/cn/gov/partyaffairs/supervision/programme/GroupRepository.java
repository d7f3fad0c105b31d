package cn.gov.partyaffairs.supervision.programme;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<GuidanceGroup, UUID> {

    public Optional<GuidanceGroup> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
