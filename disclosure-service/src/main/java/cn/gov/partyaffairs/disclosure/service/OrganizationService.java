package cn.gov.partyaffairs.disclosure.service;

import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.disclosure.Organization;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.repository.OrganizationRepository;
import cn.gov.partyaffairs.disclosure.rest.RegisterOrganizationRequest;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
@Transactional
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final Outbox outbox;
    private final DisclosureConfig config;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, Outbox outbox, DisclosureConfig config,
                               Clock clock) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Registers an organization and records {@link OrganizationRegistered} in the same transaction. */
    public Organization register(RegisterOrganizationRequest request, String registeredBy) {
        DisclosureConfig.OrganizationType type = config.organizationTypes().get(request.type());
        if (type == null) {
            throw ProblemException.invalid("type", "未知的组织类型 " + request.type() + "，可选："
                    + String.join("、", config.organizationTypes().keySet()));
        }
        Organization parent = null;
        if (request.parentCode() != null && !request.parentCode().isBlank()) {
            parent = organizations.findByCode(request.parentCode())
                    .orElseThrow(() -> ProblemException.invalid("parentCode", "上级组织 " + request.parentCode() + " 不存在"));
        }
        if (organizations.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("duplicate-code", "组织代码 " + request.code() + " 已被使用");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.code = request.code();
        organization.name = request.name().strip();
        organization.type = request.type();
        organization.parent = parent;
        organization.cadenceMonths = request.cadenceMonths() != null ? request.cadenceMonths() : type.cadenceMonths();
        organization.active = true;
        organization.version = 1;
        organization.createdAt = now;
        organization.updatedAt = now;
        organizations.persist(organization);
        outbox.append(new OrganizationRegistered(organization.id, organization.code, organization.name,
                organization.type, parent == null ? null : parent.code, organization.cadenceMonths, now, registeredBy),
                organization.version);
        return organization;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Organization> findByCode(String code) {
        return organizations.findByCode(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> PageResult<T> search(String type, String parentCode, String text, int page, int size,
                                    Function<Organization, T> mapping) {
        var query = organizations.search(type, parentCode, text).page(Page.of(page, size));
        return new PageResult<>(query.list().stream().map(mapping).toList(), page, size, query.count());
    }
}
