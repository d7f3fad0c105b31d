package cn.gov.partyaffairs.replica;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The local copy of the organization register. A service's own consumer of {@code disclosure.events} hands every
 * event here inside its idempotent transaction; the copy takes the register's events and ignores the rest.
 */
@ApplicationScoped
@Transactional
public class OrganizationReplica {

    private static final String REGISTERED = DomainEvent.typeOf(OrganizationRegistered.class).value();
    private static final String UPDATED = DomainEvent.typeOf(OrganizationUpdated.class).value();
    private static final String DEACTIVATED = DomainEvent.typeOf(OrganizationDeactivated.class).value();
    /** The event types the copy takes; its consumer may pass any other over. */
    public static final Set<String> TYPES = Set.of(REGISTERED, UPDATED, DEACTIVATED);

    private final KnownOrganizationRepository organizations;
    private final ObjectMapper mapper;

    public OrganizationReplica(KnownOrganizationRepository organizations, ObjectMapper mapper) {
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (REGISTERED.equals(event.type())) {
            OrganizationRegistered registered = event.as(OrganizationRegistered.class, mapper);
            KnownOrganization organization = organizations.findByIdOptional(registered.organizationId())
                    .orElseGet(KnownOrganization::new);
            boolean isNew = organization.id == null;
            organization.id = registered.organizationId();
            organization.active = true;
            keep(organization, registered.code(), registered.name(), registered.type(), registered.parentCode(),
                    registered.cadenceMonths());
            if (isNew) {
                organizations.persist(organization);
            }
        } else if (UPDATED.equals(event.type())) {
            OrganizationUpdated updated = event.as(OrganizationUpdated.class, mapper);
            organizations.findByIdOptional(updated.organizationId()).ifPresent(organization -> keep(organization,
                    updated.code(), updated.name(), updated.type(), updated.parentCode(), updated.cadenceMonths()));
        } else if (DEACTIVATED.equals(event.type())) {
            organizations.findByIdOptional(event.aggregateId()).ifPresent(organization -> organization.active = false);
        }
    }

    private static void keep(KnownOrganization organization, String code, String name, String type, String parentCode,
                             int cadenceMonths) {
        organization.code = code;
        organization.name = name;
        organization.type = type;
        organization.parentCode = parentCode;
        organization.cadenceMonths = cadenceMonths;
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
