package cn.gov.partyaffairs.replica;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class KnownOrganizationRepository implements PanacheRepositoryBase<KnownOrganization, UUID> {

    public Optional<KnownOrganization> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
