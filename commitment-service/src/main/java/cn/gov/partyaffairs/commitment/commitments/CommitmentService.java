package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.departments.Department;
import cn.gov.partyaffairs.commitment.config.CommitmentConfig;
import cn.gov.partyaffairs.commitment.departments.DepartmentRepository;
import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.contracts.commitment.CommitmentPledged;
import cn.gov.partyaffairs.contracts.commitment.CommitmentProgressReported;
import cn.gov.partyaffairs.contracts.commitment.CommitmentWithdrawn;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.security.SystemScope;
import cn.gov.partyaffairs.replica.KnownOrganization;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The commitments' status machine: pledged → in progress → fulfilled (on time or late); overdue is set by
 * {@link cn.gov.partyaffairs.commitment.commitments.OverdueDetector}; withdrawn only with a public reason. Every change
 * is one event. A department head acts for their department's commitments, a clerk for their organization's
 * practical things, county admins for all.
 */
@ApplicationScoped
@Transactional
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final DepartmentRepository departments;
    private final OrganizationReplica organizations;
    private final CommitmentConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public CommitmentService(CommitmentRepository commitments, DepartmentRepository departments,
                             OrganizationReplica organizations, CommitmentConfig config, Outbox outbox, Caller caller,
                             Clock clock) {
        this.commitments = commitments;
        this.departments = departments;
        this.organizations = organizations;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public Commitment pledge(CommitmentRequests.Pledge request) {
        String departmentName = null;
        String organizationName = null;
        if (request.kind() == CommitmentKind.SERVICE) {
            String code = required(request.departmentCode(), "departmentCode", "公开服务承诺请填写作出承诺的部门");
            caller.requireActsForDepartment(code);
            if (request.organizationCode() != null) {
                throw ProblemException.invalid("organizationCode", "公开服务承诺由部门作出，请不要填写组织");
            }
            Department department = departments.findByCode(code).orElseThrow(() ->
                    ProblemException.invalid("departmentCode", "部门 " + code + " 尚未登记，请先由县党务公开办登记该部门"));
            departmentName = department.name;
            String category = required(request.category(), "category", "请选择承诺类别：" + categoryList());
            requireCategory(category);
        } else {
            String code = required(request.organizationCode(), "organizationCode", "为民办实事请填写承诺的党组织");
            caller.requireActsFor(code);
            if (request.departmentCode() != null) {
                throw ProblemException.invalid("departmentCode", "为民办实事由党组织承诺，请不要填写部门");
            }
            KnownOrganization organization = organizations.findByCode(code).filter(o -> o.active).orElseThrow(() ->
                    ProblemException.invalid("organizationCode", "党组织 " + code + " 不存在或已撤销"));
            organizationName = organization.name;
            if (request.category() != null) {
                requireCategory(request.category());
            }
        }
        LocalDate pledgedOn = request.pledgedOn() != null ? request.pledgedOn() : today();
        notInFuture(pledgedOn, "pledgedOn", "承诺日期");
        if (request.dueDate().isBefore(pledgedOn)) {
            throw ProblemException.invalid("dueDate", "完成时限（" + request.dueDate() + "）不能早于承诺日期（" + pledgedOn + "）");
        }
        if (request.targetQuantity() != null && blank(request.targetUnit())) {
            throw ProblemException.invalid("targetUnit", "请填写目标数量的单位，例如“公里”“盏”“户”");
        }
        if (request.targetQuantity() == null && !blank(request.targetUnit())) {
            throw ProblemException.invalid("targetQuantity", "填写了单位，请同时填写目标数量");
        }

        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.kind = request.kind();
        c.title = request.title().strip();
        c.description = blank(request.description()) ? null : request.description().strip();
        c.category = request.category();
        c.departmentCode = request.departmentCode();
        c.organizationCode = request.organizationCode();
        c.responsible = request.responsible().strip();
        c.targetQuantity = request.targetQuantity();
        c.targetUnit = blank(request.targetUnit()) ? null : request.targetUnit().strip();
        c.milestones = milestones(request, request.dueDate());
        c.pledgedOn = pledgedOn;
        c.dueDate = request.dueDate();
        c.status = CommitmentStatus.PLEDGED;
        c.pledgedBy = caller.username();
        c.createdAt = now();
        commitments.persist(c);
        outbox.emit(c, new CommitmentPledged(c.id, c.kind, c.title, c.description, c.category, c.departmentCode,
                departmentName, c.organizationCode, organizationName, c.responsible, c.targetQuantity, c.targetUnit,
                c.milestones.stream().map(m -> new CommitmentPledged.Milestone(m.title, m.dueDate)).toList(),
                c.pledgedOn, c.dueDate, c.pledgedBy, c.createdAt));
        return c;
    }

    /**
     * A progress report. The percentage stays within 0..100 (checked on the request); a decrease of the percentage or
     * the quantity needs a reason; a fulfilled or withdrawn commitment takes no more reports (409).
     */
    public Commitment report(UUID id, CommitmentRequests.Report request) {
        Commitment c = lockedForAction(id, "报告进展", SystemScope.COMMITMENT_PROGRESS);
        if (request.percent() == null && request.quantity() == null) {
            throw ProblemException.invalid("percent", "请填写完成百分比或已完成数量（至少一项）");
        }
        LocalDate reportedOn = request.reportedOn() != null ? request.reportedOn() : today();
        notInFuture(reportedOn, "reportedOn", "进展日期");
        notBeforePledge(c, reportedOn, "reportedOn", "进展日期");
        boolean decrease = request.percent() != null && c.progressPercent != null && request.percent() < c.progressPercent
                || request.quantity() != null && c.progressQuantity != null
                && request.quantity().compareTo(c.progressQuantity) < 0;
        if (decrease && blank(request.reason())) {
            throw ProblemException.invalid("reason", "本次进展比上次（" + describe(c) + "）减少，请说明理由");
        }
        if (!blank(request.milestoneReached())) {
            Milestone milestone = c.milestones.stream().filter(m -> m.title.equals(request.milestoneReached().strip()))
                    .findFirst().orElseThrow(() -> ProblemException.invalid("milestoneReached",
                            "此承诺没有名为“" + request.milestoneReached() + "”的节点"));
            milestone.reachedOn = reportedOn;
        }
        if (request.quantity() != null) {
            c.progressQuantity = request.quantity();
        }
        if (request.percent() != null) {
            c.progressPercent = request.percent();
        } else if (c.targetQuantity != null) {
            c.progressPercent = request.quantity().multiply(BigDecimal.valueOf(100))
                    .divide(c.targetQuantity, 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
        }
        if (c.status == CommitmentStatus.PLEDGED) {
            c.status = CommitmentStatus.IN_PROGRESS;
        }
        ProgressReport report = new ProgressReport();
        report.id = UUID.randomUUID();
        report.commitmentId = c.id;
        report.percent = request.percent();
        report.quantity = request.quantity();
        report.note = blank(request.note()) ? null : request.note().strip();
        report.reason = blank(request.reason()) ? null : request.reason().strip();
        report.milestoneReached = blank(request.milestoneReached()) ? null : request.milestoneReached().strip();
        report.reportedOn = reportedOn;
        report.reportedBy = caller.username();
        report.createdAt = now();
        commitments.persistReport(report);
        outbox.emit(c, new CommitmentProgressReported(c.id, report.id, c.kind, c.departmentCode, c.organizationCode,
                report.percent, report.quantity, report.note, report.reason, report.milestoneReached, reportedOn,
                c.progressPercent, c.status.name(), report.reportedBy, report.createdAt));
        return c;
    }

    /** Fulfilment with evidence; on time when fulfilled by the due date, late otherwise (also after being overdue). */
    public Commitment fulfil(UUID id, CommitmentRequests.Fulfil request) {
        Commitment c = lockedForAction(id, "兑现");
        LocalDate fulfilledOn = request.fulfilledOn() != null ? request.fulfilledOn() : today();
        notInFuture(fulfilledOn, "fulfilledOn", "兑现日期");
        notBeforePledge(c, fulfilledOn, "fulfilledOn", "兑现日期");
        c.status = CommitmentStatus.FULFILLED;
        c.fulfilledOn = fulfilledOn;
        c.onTime = !fulfilledOn.isAfter(c.dueDate);
        c.evidence = request.evidence().strip();
        c.progressPercent = 100;
        outbox.emit(c, new CommitmentFulfilled(c.id, c.kind, c.departmentCode, c.organizationCode, fulfilledOn, c.dueDate,
                c.onTime, c.evidence, caller.username(), now()));
        return c;
    }

    public Commitment withdraw(UUID id, String reason) {
        Commitment c = lockedForAction(id, "撤回");
        c.status = CommitmentStatus.WITHDRAWN;
        c.withdrawReason = reason.strip();
        outbox.emit(c, new CommitmentWithdrawn(c.id, c.kind, c.departmentCode, c.organizationCode, c.withdrawReason,
                caller.username(), now()));
        return c;
    }

    /**
     * Commitments kept on paper before the system (台账), each with its reports and fulfilment (or withdrawal) at their real dates,
     * through the same rules and events as if typed in on those days. All entries or none; an error names its entry.
     */
    public List<Commitment> recordFromLedger(List<CommitmentRequests.LedgerEntry> entries) {
        List<Commitment> recorded = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CommitmentRequests.LedgerEntry entry = entries.get(i);
            try {
                Commitment c = pledge(entry.pledge());
                for (CommitmentRequests.Report report : entry.reports() == null ? List.<CommitmentRequests.Report>of() : entry.reports()) {
                    report(c.id, report);
                }
                if (entry.fulfilment() != null && entry.withdrawal() != null) {
                    throw ProblemException.invalid("withdrawal", "一项承诺不能既已兑现又已撤回");
                }
                if (entry.fulfilment() != null) {
                    fulfil(c.id, entry.fulfilment());
                }
                if (entry.withdrawal() != null) {
                    withdraw(c.id, entry.withdrawal().reason());
                }
                recorded.add(c);
            } catch (ProblemException e) {
                throw new ProblemException(prefixed(e.problem(), i));
            }
        }
        return recorded;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Commitment get(UUID id) {
        return commitments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("承诺", id.toString()));
    }

    private Commitment lockedForAction(UUID id, String action) {
        return lockedForAction(id, action, null);
    }

    /** As {@link #lockedForAction(UUID, String)}; a system granted {@code systemScope} may act for its own too. */
    private Commitment lockedForAction(UUID id, String action, SystemScope systemScope) {
        Commitment c = commitments.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("承诺", id.toString()));
        if (systemScope != null && c.kind == CommitmentKind.SERVICE) {
            caller.requireActsForDepartment(c.departmentCode, systemScope);
        } else if (systemScope != null) {
            caller.requireActsFor(c.organizationCode, systemScope);
        } else if (c.kind == CommitmentKind.SERVICE) {
            caller.requireActsForDepartment(c.departmentCode);
        } else {
            caller.requireActsFor(c.organizationCode);
        }
        if (!c.status.isOpen()) {
            throw ProblemException.illegalTransition(c.status.named(), action);
        }
        return c;
    }

    private List<Milestone> milestones(CommitmentRequests.Pledge request, LocalDate dueDate) {
        List<Milestone> result = new ArrayList<>();
        if (request.milestones() == null) {
            return result;
        }
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < request.milestones().size(); i++) {
            CommitmentRequests.MilestoneRequest m = request.milestones().get(i);
            if (!titles.add(m.title().strip())) {
                throw ProblemException.invalid("milestones[" + i + "].title", "节点名称重复：" + m.title());
            }
            if (m.dueDate() != null && m.dueDate().isAfter(dueDate)) {
                throw ProblemException.invalid("milestones[" + i + "].dueDate", "节点时限不能晚于承诺完成时限 " + dueDate);
            }
            Milestone milestone = new Milestone();
            milestone.title = m.title().strip();
            milestone.dueDate = m.dueDate();
            result.add(milestone);
        }
        return result;
    }

    private void requireCategory(String category) {
        if (!config.categories().contains(category)) {
            throw ProblemException.invalid("category", "没有承诺类别 " + category + "；可选：" + categoryList());
        }
    }

    private String categoryList() {
        return String.join("、", config.categories().stream().sorted()
                .map(c -> c + "（" + Labels.zh(Labels.CATEGORY, c) + "）")
                .toList());
    }

    private static String describe(Commitment c) {
        List<String> parts = new ArrayList<>();
        if (c.progressPercent != null) {
            parts.add(c.progressPercent + "%");
        }
        if (c.progressQuantity != null) {
            parts.add(c.progressQuantity.stripTrailingZeros().toPlainString() + (c.targetUnit == null ? "" : c.targetUnit));
        }
        return String.join("，", parts);
    }

    private void notInFuture(LocalDate date, String field, String what) {
        if (date.isAfter(today())) {
            throw ProblemException.invalid(field, what + "不能晚于今天（" + today() + "）");
        }
    }

    private static void notBeforePledge(Commitment c, LocalDate date, String field, String what) {
        if (date.isBefore(c.pledgedOn)) {
            throw ProblemException.invalid(field, what + "不能早于承诺日期（" + c.pledgedOn + "）");
        }
    }

    private static String required(String value, String field, String message) {
        if (blank(value)) {
            throw ProblemException.invalid(field, message);
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The same problem, saying which ledger entry it is about. */
    private static Problem prefixed(Problem problem, int index) {
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(e -> new Problem.FieldError("[" + index + "]." + e.field(), e.message())).toList();
        return new Problem(problem.type(), problem.title(), problem.status(),
                "第 " + (index + 1) + " 条台账记录：" + problem.detail(), problem.instance(), problem.currentState(), errors,
                problem.retryAfterSeconds());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
