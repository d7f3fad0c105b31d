package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureApproved;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureCorrected;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDraftEdited;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureDrafted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureEscalated;
import cn.gov.partyaffairs.contracts.disclosure.DisclosurePublished;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReturned;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureReviewed;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureSubmitted;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureWithdrawn;
import cn.gov.partyaffairs.disclosure.cadence.CadenceEngine;
import cn.gov.partyaffairs.disclosure.catalog.CatalogItem;
import cn.gov.partyaffairs.disclosure.catalog.CatalogRepository;
import cn.gov.partyaffairs.disclosure.catalog.Scope;
import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.Action;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.disclosure.organizations.OrganizationRepository;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The disclosure workflow: 提出 (draft, submit with the no-secrets attestation) → 审核 (secrecy, necessity, accuracy)
 * → 审批 (the competent organization, or the county office when escalated) → 实施 (publication through the
 * channels used), then corrections and withdrawal. Each step writes exactly one event with the state change.
 *
 * <p>Who may act: the organization's clerk (or a county admin) drafts, submits, publishes, corrects and withdraws;
 * the competent organization — the parent organization's clerk — or a county admin reviews, sends back and approves;
 * once escalated, only a county admin approves.
 *
 * <p>Four eyes (四眼原则), for everyone, the county admin too: whoever drafted, edited or submitted a disclosure does
 * not review or approve it, and whoever reviewed it (since its last submission) does not approve it. People are told
 * apart by account, as each step records it ({@code disclosure_step.actor}).
 */
@ApplicationScoped
@Transactional
public class DisclosureService {

    private final DisclosureRepository disclosures;
    private final OrganizationRepository organizations;
    private final CatalogRepository catalog;
    private final DisclosureConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final CadenceEngine cadence;

    public DisclosureService(DisclosureRepository disclosures, OrganizationRepository organizations,
                             CatalogRepository catalog, DisclosureConfig config, Outbox outbox, Caller caller,
                             Clock clock, CadenceEngine cadence) {
        this.cadence = cadence;
        this.disclosures = disclosures;
        this.organizations = organizations;
        this.catalog = catalog;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public Disclosure draft(DisclosureContent content) {
        Organization organization = organizations.findByCode(content.organizationCode())
                .orElseThrow(() -> ProblemException.invalid("organizationCode", "组织 " + content.organizationCode() + " 不存在"));
        caller.requireActsFor(organization.code);
        Disclosure d = new Disclosure();
        d.id = UUID.randomUUID();
        d.organization = organization;
        d.status = DisclosureStatus.DRAFT;
        d.createdBy = caller.username();
        d.createdAt = now();
        d.updatedAt = d.createdAt;
        apply(d, content);
        disclosures.persist(d);
        emit(d, "DRAFT", null, new DisclosureDrafted(d.id, organization.code, d.scope.name(), List.copyOf(d.itemCodes),
                d.title, d.body, d.periodStart, d.periodEnd, d.plannedChannelList(), d.plannedPublicationAt,
                caller.username(), now()));
        return d;
    }

    public Disclosure edit(UUID id, DisclosureContent content) {
        Disclosure d = forAction(id, Action.EDIT);
        caller.requireActsFor(d.organization.code);
        if (!d.organization.code.equals(content.organizationCode())) {
            throw ProblemException.invalid("organizationCode", "不能把公开事项改到其他组织名下");
        }
        apply(d, content);
        emit(d, Action.EDIT.name(), null, new DisclosureDraftEdited(d.id, d.organization.code, d.scope.name(),
                List.copyOf(d.itemCodes), d.title, d.body, d.periodStart, d.periodEnd, d.plannedChannelList(),
                d.plannedPublicationAt, caller.username(), now()));
        return d;
    }

    public Disclosure submit(UUID id, WorkflowRequests.Submit request) {
        Disclosure d = forAction(id, Action.SUBMIT);
        caller.requireActsFor(d.organization.code);
        move(d, Action.SUBMIT);
        emit(d, Action.SUBMIT.name(), null, new DisclosureSubmitted(d.id, d.organization.code, d.scope.name(),
                request.attestNoSecrets(), caller.username(), now()));
        return d;
    }

    /** The request's three checks must all be confirmed (the resource validates it); the event records them. */
    public Disclosure review(UUID id, List<String> checks) {
        Disclosure d = forAction(id, Action.REVIEW);
        requireCompetent(d);
        requireFourEyes(d, Action.REVIEW);
        move(d, Action.REVIEW);
        emit(d, Action.REVIEW.name(), null, new DisclosureReviewed(d.id, d.organization.code,
                d.scope.name(), caller.username(), List.copyOf(checks), now()));
        return d;
    }

    public Disclosure sendBack(UUID id, String reasons) {
        Disclosure d = forAction(id, Action.RETURN);
        requireCompetent(d);
        DisclosureStatus from = d.status;
        move(d, Action.RETURN);
        d.escalated = false;
        emit(d, Action.RETURN.name(), reasons, new DisclosureReturned(d.id, d.organization.code, d.scope.name(),
                from.name(), reasons, caller.username(), now()));
        return d;
    }

    public Disclosure escalate(UUID id, String reason) {
        Disclosure d = forAction(id, Action.ESCALATE);
        if (caller.is(Caller.COUNTY_ADMIN)) {
            throw ProblemException.conflict("already-county-office", "县委党务公开办公室即最终审批机关，无需再报请上级");
        }
        requireCompetent(d);
        if (d.escalated) {
            throw ProblemException.conflict("already-escalated", "此公开事项已报请县委党务公开办公室审批");
        }
        d.escalated = true;
        emit(d, Action.ESCALATE.name(), reason,
                new DisclosureEscalated(d.id, d.organization.code, d.scope.name(), reason, caller.username(), now()));
        return d;
    }

    public Disclosure approve(UUID id) {
        Disclosure d = forAction(id, Action.APPROVE);
        requireCompetent(d);
        if (d.escalated && !caller.is(Caller.COUNTY_ADMIN)) {
            throw ProblemException.forbidden("此公开事项已报请县委党务公开办公室审批，须由县级管理员审批");
        }
        requireFourEyes(d, Action.APPROVE);
        move(d, Action.APPROVE);
        emit(d, Action.APPROVE.name(), null,
                new DisclosureApproved(d.id, d.organization.code, d.scope.name(), caller.username(), now()));
        return d;
    }

    public Disclosure publish(UUID id, List<String> channels) {
        Disclosure d = forAction(id, Action.PUBLISH);
        caller.requireActsFor(d.organization.code);
        if (now().isBefore(d.plannedPublicationAt)) {
            throw ProblemException.conflict("before-planned-time", "计划公开时间为 " + d.plannedPublicationAt
                    + "，届时方可公开");
        }
        checkChannels("channels", channels, d.scope);
        move(d, Action.PUBLISH);
        d.publishedChannels = String.join(",", channels);
        d.publishedAt = now();
        d.contentVersion = 1;
        revision(d, null);
        cadence.published(publication(d));
        emit(d, Action.PUBLISH.name(), null, new DisclosurePublished(d.id, d.organization.code, d.scope.name(),
                List.copyOf(d.itemCodes), d.title, d.body, d.periodStart, d.periodEnd, channels, d.contentVersion,
                caller.username(), d.publishedAt));
        return d;
    }

    public Disclosure correct(UUID id, WorkflowRequests.Correct correction) {
        Disclosure d = forAction(id, Action.CORRECT);
        caller.requireActsFor(d.organization.code);
        d.title = correction.title().strip();
        d.body = correction.body();
        d.contentVersion++;
        revision(d, correction.reason());
        emit(d, Action.CORRECT.name(), correction.reason(), new DisclosureCorrected(d.id, d.organization.code,
                d.scope.name(), d.contentVersion, d.title, d.body, correction.reason(), caller.username(), now()));
        return d;
    }

    public Disclosure withdraw(UUID id, String reason) {
        Disclosure d = forAction(id, Action.WITHDRAW);
        caller.requireActsFor(d.organization.code);
        move(d, Action.WITHDRAW);
        d.withdrawnReason = reason;
        emit(d, Action.WITHDRAW.name(), reason,
                new DisclosureWithdrawn(d.id, d.organization.code, d.scope.name(), reason, caller.username(), now()));
        return d;
    }

    /**
     * Brings in disclosures already published before the system (the paper ledger, 台账), with their real dates:
     * checked like a draft, stored as published, one {@code DisclosurePublished} each at its publication time, and
     * counted by the cadence engine. All entries or none.
     */
    public List<Disclosure> recordFromLedger(List<DisclosureContent> entries) {
        List<Disclosure> recorded = new java.util.ArrayList<>();
        for (DisclosureContent entry : entries) {
            if (entry.plannedPublicationAt().isAfter(now())) {
                throw ProblemException.invalid("plannedPublicationAt", "台账中的公开时间不能晚于现在：" + entry.title());
            }
            Organization organization = organizations.findByCode(entry.organizationCode()).orElseThrow(() ->
                    ProblemException.invalid("organizationCode", "组织 " + entry.organizationCode() + " 不存在"));
            Disclosure d = new Disclosure();
            d.id = UUID.randomUUID();
            d.organization = organization;
            d.status = DisclosureStatus.PUBLISHED;
            d.createdBy = caller.username();
            d.createdAt = now();
            d.updatedAt = d.createdAt;
            apply(d, entry);
            d.publishedChannels = d.plannedChannels;
            d.publishedAt = entry.plannedPublicationAt();
            d.contentVersion = 1;
            disclosures.persist(d);
            revision(d, "由台账录入");
            cadence.published(publication(d));
            emit(d, "LEDGER", "由台账录入", new DisclosurePublished(d.id, organization.code, d.scope.name(),
                    List.copyOf(d.itemCodes), d.title, d.body, d.periodStart, d.periodEnd, d.publishedChannelList(),
                    d.contentVersion, caller.username(), d.publishedAt));
            recorded.add(d);
        }
        return recorded;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureDto get(UUID id) {
        Disclosure d = disclosures.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("公开事项", id.toString()));
        requireVisible(d);
        return DisclosureDto.of(d, disclosures.steps(id), disclosures.revisions(id));
    }

    /** County admins see every disclosure; an org clerk its organization's and those it is competent for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DisclosureDto> search(String organizationCode, DisclosureStatus status, int page, int size) {
        List<String> visibleTo = caller.is(Caller.COUNTY_ADMIN) ? null
                : List.of(caller.organizationCode().orElseThrow(() -> ProblemException.forbidden("您的账号未绑定组织")));
        var query = disclosures.search(organizationCode, status, visibleTo).page(Page.of(page, size));
        return new PageResult<>(query.list().stream().map(DisclosureDto::summary).toList(), page, size, query.count());
    }

    private void apply(Disclosure d, DisclosureContent content) {
        if (content.periodEnd().isBefore(content.periodStart())) {
            throw ProblemException.invalid("periodEnd", "结束日期不能早于开始日期");
        }
        Set<String> codes = new TreeSet<>(content.itemCodes());
        List<CatalogItem> items = catalog.items(codes);
        if (items.size() != codes.size()) {
            Set<String> known = items.stream().map(i -> i.code).collect(Collectors.toSet());
            codes.removeAll(known);
            throw ProblemException.invalid("itemCodes", "公开目录中没有这些事项：" + String.join("、", codes));
        }
        Set<String> contentList = d.organization.contentList;
        if (!contentList.isEmpty() && !contentList.containsAll(codes)) {
            Set<String> outside = new TreeSet<>(codes);
            outside.removeAll(contentList);
            throw ProblemException.invalid("itemCodes", "不在本组织的公开目录中：" + String.join("、", outside)
                    + "（如需公开，请先调整本组织的公开目录）");
        }
        if (!content.scope().isPartyInternal()) {
            List<String> internal = items.stream().filter(i -> i.scope.isPartyInternal()).map(i -> i.code + " " + i.name).toList();
            if (!internal.isEmpty()) {
                throw ProblemException.invalid("scope", "含党内公开事项，不能向社会公开：" + String.join("；", internal));
            }
        }
        checkChannels("plannedChannels", content.plannedChannels(), content.scope());
        d.itemCodes.clear();
        d.itemCodes.addAll(codes);
        d.title = content.title().strip();
        d.body = content.body();
        d.periodStart = content.periodStart();
        d.periodEnd = content.periodEnd();
        d.scope = content.scope();
        d.plannedChannels = String.join(",", content.plannedChannels());
        d.plannedPublicationAt = content.plannedPublicationAt();
    }

    /** Unknown channels are refused, and party-internal disclosures may not go through a public channel. */
    private void checkChannels(String field, List<String> channels, Scope scope) {
        for (String channel : channels) {
            DisclosureConfig.Channel known = config.channels().get(channel);
            if (known == null) {
                throw ProblemException.invalid(field, "未知的公开方式 " + channel + "，可选："
                        + String.join("、", config.channels().keySet()));
            }
            if (scope.isPartyInternal() && known.isPublic()) {
                throw ProblemException.invalid(field, "党内公开事项不能通过面向社会的" + Labels.zh(Labels.CHANNEL, channel) + "公开");
            }
        }
    }

    private Disclosure forAction(UUID id, Action action) {
        Disclosure d = disclosures.findForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("公开事项", id.toString()));
        requireVisible(d);
        if (!action.allowedFrom(d.status)) {
            throw ProblemException.illegalTransition(d.status.name(), action.label() + "（当前：" + d.status.label() + "）");
        }
        return d;
    }

    private void move(Disclosure d, Action action) {
        d.status = action.after(d.status);
    }

    /** The competent organization: the parent organization's clerk, or a county admin. Never the discloser itself. */
    private void requireCompetent(Disclosure d) {
        if (caller.is(Caller.COUNTY_ADMIN)) {
            return;
        }
        String parent = d.organization.parent == null ? null : d.organization.parent.code;
        if (caller.is(Caller.ORG_CLERK) && parent != null && parent.equals(caller.organizationCode().orElse(null))) {
            return;
        }
        throw ProblemException.forbidden("只有上级党组织或县委党务公开办公室可以审核、审批组织 " + d.organization.code + " 的公开事项");
    }

    /** The step actions by which a person is the disclosure's author (提出). */
    private static final Set<String> AUTHORING = Set.of("DRAFT", Action.EDIT.name(), Action.SUBMIT.name());

    /**
     * 四眼原则: the author does not review or approve, the reviewer does not approve. Refused with a 403 problem
     * {@code four-eyes} that names the rule and what to do instead.
     */
    private void requireFourEyes(Disclosure d, Action action) {
        String me = caller.username();
        List<DisclosureStep> steps = disclosures.steps(d.id);
        boolean author = steps.stream().anyMatch(s -> AUTHORING.contains(s.action) && me.equals(s.actor));
        String doing = action == Action.REVIEW ? "审核" : "审批";
        if (author) {
            throw fourEyes("您起草、修改或提交了这份公开事项，不能再" + doing + "它（四眼原则：提出与" + doing
                    + "须由不同的人办理，县级管理员也不例外）；请由上级党组织或县委党务公开办公室的另一位同志" + doing);
        }
        if (action == Action.APPROVE) {
            DisclosureStep review = null;
            for (DisclosureStep s : steps) {
                if (s.action.equals(Action.SUBMIT.name())) {
                    review = null; // a resubmission starts a new review
                } else if (s.action.equals(Action.REVIEW.name())) {
                    review = s;
                }
            }
            if (review != null && me.equals(review.actor)) {
                throw fourEyes("您审核了这份公开事项，不能再审批它（四眼原则：审核与审批须由不同的人办理，县级管理员也不例外）；"
                        + "请由另一位有审批权限的同志（上级党组织或县委党务公开办公室）审批");
            }
        }
    }

    private static ProblemException fourEyes(String detail) {
        return new ProblemException(Problem.of("four-eyes",
                "四眼原则：一人不能办理同一事项的两个环节 Four eyes: one person cannot take two steps", 403, detail));
    }

    private void requireVisible(Disclosure d) {
        if (caller.is(Caller.COUNTY_ADMIN)) {
            return;
        }
        String own = caller.organizationCode().orElse(null);
        String parent = d.organization.parent == null ? null : d.organization.parent.code;
        if (own == null || !(own.equals(d.organization.code) || own.equals(parent))) {
            throw ProblemException.forbidden("您只能查看和办理本组织及下级组织的公开事项");
        }
    }

    private void revision(Disclosure d, String reason) {
        DisclosureRevision revision = new DisclosureRevision();
        revision.disclosureId = d.id;
        revision.contentVersion = d.contentVersion;
        revision.title = d.title;
        revision.body = d.body;
        revision.reason = reason;
        revision.revisedBy = caller.username();
        revision.revisedAt = now();
        disclosures.record(revision);
    }

    /** One step, one event, one aggregate version more: all in the caller's transaction. */
    private void emit(Disclosure d, String action, String reason, DomainEvent event) {
        d.updatedAt = now();
        DisclosureStep step = new DisclosureStep();
        step.disclosureId = d.id;
        step.action = action;
        step.statusAfter = d.status;
        step.actor = caller.username();
        step.reason = reason;
        step.at = d.updatedAt;
        disclosures.record(step);
        outbox.emit(d, event);
    }

    private static CadenceEngine.Publication publication(Disclosure d) {
        return new CadenceEngine.Publication(d.id, d.organization, d.periodStart, d.periodEnd, d.publishedAt);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
