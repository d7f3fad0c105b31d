package cn.gov.partyaffairs.disclosure.organizations;

import cn.gov.partyaffairs.contracts.disclosure.ContentListSettled;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.disclosure.catalog.CatalogRepository;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The organization register: every change is stored with its event in one transaction. */
@ApplicationScoped
@Transactional
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final Outbox outbox;
    private final DisclosureConfig config;
    private final Clock clock;
    private final CatalogRepository catalog;

    public OrganizationService(OrganizationRepository organizations, Outbox outbox, DisclosureConfig config,
                               Clock clock, CatalogRepository catalog) {
        this.catalog = catalog;
        this.organizations = organizations;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Registers an organization and records {@link OrganizationRegistered} in the same transaction. */
    public Organization register(RegisterOrganizationRequest request, String registeredBy) {
        if (organizations.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("duplicate-code", "组织代码 " + request.code() + " 已被使用");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Organization parent = parentOf(request.parentCode(), Map.of(), "", errors);
        DisclosureConfig.OrganizationType type = typeOf(request.type(), "", errors);
        checkDisclosingSince(request, "", errors);
        throwIfAny(errors);
        return create(request, type, parent, registeredBy);
    }

    /**
     * Registers many organizations at once, all or nothing: a row may name as parent an organization that exists or
     * one earlier in the same import. Any refused row refuses the whole import, with every row's errors named.
     */
    public List<Organization> importAll(List<RegisterOrganizationRequest> rows, Map<Integer, List<String>> malformed,
                                        String registeredBy) {
        List<Problem.FieldError> errors = new ArrayList<>();
        malformed.forEach((row, messages) -> messages.forEach(m -> errors.add(new Problem.FieldError("rows[" + row + "]", m))));
        Map<String, Organization> planned = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RegisterOrganizationRequest row = rows.get(i);
            String at = "rows[" + (i + 1) + "].";
            if (row == null) {
                continue;
            }
            if (planned.containsKey(row.code()) || organizations.findByCode(row.code()).isPresent()) {
                errors.add(new Problem.FieldError(at + "code", "组织代码 " + row.code() + " 已被使用"));
            }
            parentOf(row.parentCode(), planned, at, errors);
            typeOf(row.type(), at, errors);
            checkDisclosingSince(row, at, errors);
            planned.put(row.code(), new Organization());
        }
        if (rows.isEmpty() && malformed.isEmpty()) {
            errors.add(new Problem.FieldError("rows", "文件中没有组织"));
        }
        throwIfAny(errors);
        List<Organization> created = new ArrayList<>();
        for (RegisterOrganizationRequest row : rows) {
            Organization parent = row.parentCode() == null || row.parentCode().isBlank() ? null
                    : organizations.findByCode(row.parentCode()).orElseThrow();
            created.add(create(row, config.organizationTypes().get(row.type()), parent, registeredBy));
            organizations.flush(); // later rows may name this one as parent
        }
        return created;
    }

    public Organization update(String code, RegisterOrganizationRequest request, String updatedBy) {
        Organization organization = organizations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "组织代码是稳定标识，不能修改");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Organization parent = parentOf(request.parentCode(), Map.of(), "", errors);
        DisclosureConfig.OrganizationType type = typeOf(request.type(), "", errors);
        for (Organization p = parent; p != null; p = p.parent) {
            if (p.id.equals(organization.id)) {
                errors.add(new Problem.FieldError("parentCode", "上级组织不能是本组织或其下级组织"));
                break;
            }
        }
        throwIfAny(errors);
        organization.name = request.name().strip();
        organization.type = request.type();
        organization.parent = parent;
        organization.cadenceMonths = request.cadenceMonths() != null ? request.cadenceMonths() : type.cadenceMonths();
        organization.updatedAt = OffsetDateTime.now(clock);
        outbox.emit(organization, new OrganizationUpdated(organization.id, organization.code, organization.name,
                organization.type, parent == null ? null : parent.code, organization.cadenceMonths,
                organization.updatedAt, updatedBy));
        return organization;
    }

    public Organization deactivate(String code, String reason, String deactivatedBy) {
        Organization organization = organizations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
        if (!organization.active) {
            throw ProblemException.illegalTransition("INACTIVE", "再次撤销");
        }
        organization.active = false;
        organization.updatedAt = OffsetDateTime.now(clock);
        outbox.emit(organization, new OrganizationDeactivated(organization.id, organization.code, reason,
                organization.updatedAt, deactivatedBy));
        return organization;
    }

    /** Settles the organization's content list; every item must be in the county catalog. */
    public Organization settleContentList(String code, List<String> itemCodes, String settledBy) {
        Organization organization = organizations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
        Set<String> wanted = new TreeSet<>(itemCodes);
        Set<String> known = catalog.items(wanted).stream().map(i -> i.code).collect(Collectors.toSet());
        wanted.stream().filter(c -> !known.contains(c)).findFirst().ifPresent(unknown -> {
            throw ProblemException.invalid("itemCodes", "公开目录中没有事项 " + unknown);
        });
        organization.contentList.clear();
        organization.contentList.addAll(wanted);
        organization.updatedAt = OffsetDateTime.now(clock);
        outbox.emit(organization, new ContentListSettled(organization.id, organization.code, List.copyOf(wanted),
                settledBy, organization.updatedAt));
        return organization;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> contentListOf(String code) {
        return organizations.findByCode(code).map(o -> List.copyOf(o.contentList))
                .orElseThrow(() -> ProblemException.notFound("组织", code));
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

    private Organization create(RegisterOrganizationRequest request, DisclosureConfig.OrganizationType type,
                                Organization parent, String registeredBy) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.code = request.code();
        organization.name = request.name().strip();
        organization.type = request.type();
        organization.parent = parent;
        organization.cadenceMonths = request.cadenceMonths() != null ? request.cadenceMonths() : type.cadenceMonths();
        organization.active = true;
        organization.createdAt = now;
        organization.updatedAt = now;
        organization.disclosingSince = request.disclosingSince() != null ? request.disclosingSince()
                : now.atZoneSameInstant(clock.getZone()).toLocalDate();
        organizations.persist(organization);
        outbox.emit(organization, new OrganizationRegistered(organization.id, organization.code, organization.name,
                organization.type, parent == null ? null : parent.code, organization.cadenceMonths, now, registeredBy,
                organization.disclosingSince));
        return organization;
    }

    private Organization parentOf(String parentCode, Map<String, Organization> planned, String at,
                                  List<Problem.FieldError> errors) {
        if (parentCode == null || parentCode.isBlank() || planned.containsKey(parentCode)) {
            return null;
        }
        Optional<Organization> parent = organizations.findByCode(parentCode);
        if (parent.isEmpty()) {
            errors.add(new Problem.FieldError(at + "parentCode", "上级组织 " + parentCode + " 不存在"));
        }
        return parent.orElse(null);
    }

    private DisclosureConfig.OrganizationType typeOf(String type, String at, List<Problem.FieldError> errors) {
        DisclosureConfig.OrganizationType known = config.organizationTypes().get(type);
        if (known == null) {
            errors.add(new Problem.FieldError(at + "type", "未知的组织类型 " + type + "，可选："
                    + String.join("、", config.organizationTypes().keySet())));
        }
        return known;
    }

    /** Obligations may begin in the past (a register brought in from paper), never in the future. */
    private void checkDisclosingSince(RegisterOrganizationRequest request, String at, List<Problem.FieldError> errors) {
        if (request.disclosingSince() != null && request.disclosingSince().isAfter(LocalDate.now(clock))) {
            errors.add(new Problem.FieldError(at + "disclosingSince", "公开起始日期不能晚于今天"));
        }
    }

    private static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("validation", "请求内容有误 Invalid request", 400,
                    "请更正标出的字段后重新提交").withErrors(errors));
        }
    }
}
