package cn.gov.partyaffairs.supervision.service;

import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.supervision.KnownOrganization;
import cn.gov.partyaffairs.supervision.repository.KnownOrganizationRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class KnownOrganizationService {

    private final KnownOrganizationRepository organizations;

    public KnownOrganizationService(KnownOrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(OrganizationRegistered event) {
        KnownOrganization organization = organizations.findByIdOptional(event.organizationId())
                .orElseGet(KnownOrganization::new);
        boolean isNew = organization.id == null;
        organization.id = event.organizationId();
        organization.code = event.code();
        organization.name = event.name();
        organization.type = event.type();
        organization.parentCode = event.parentCode();
        organization.cadenceMonths = event.cadenceMonths();
        organization.active = true;
        if (isNew) {
            organizations.persist(organization);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnownOrganization> all() {
        return organizations.listAll(Sort.by("code"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownOrganization> findByCode(String code) {
        return organizations.findByCode(code);
    }
}
