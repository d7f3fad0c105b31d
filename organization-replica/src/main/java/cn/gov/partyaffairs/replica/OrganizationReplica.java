package cn.gov.partyaffairs.replica;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The local copy of the organization register. A service's own consumer of {@code disclosure.events} hands every
 * event here inside its idempotent transaction; the copy takes the register's events and ignores the rest.
 */
@ApplicationScoped
@Transactional
public class OrganizationReplica {

    private static final String ORGANIZATION_REGISTERED = DomainEvent.typeOf(OrganizationRegistered.class).value();

    private final KnownOrganizationRepository organizations;
    private final ObjectMapper mapper;

    public OrganizationReplica(KnownOrganizationRepository organizations, ObjectMapper mapper) {
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (ORGANIZATION_REGISTERED.equals(event.type())) {
            registered(event.as(OrganizationRegistered.class, mapper));
        }
    }

    private void registered(OrganizationRegistered event) {
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
