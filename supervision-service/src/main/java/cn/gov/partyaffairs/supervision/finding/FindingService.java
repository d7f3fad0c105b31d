package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.supervision.FindingRaised;
import cn.gov.partyaffairs.contracts.supervision.FindingReopened;
import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.contracts.supervision.RectificationReported;
import cn.gov.partyaffairs.contracts.supervision.RectificationVerified;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.inspection.Inspection;
import cn.gov.partyaffairs.supervision.inspection.InspectionRepository;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import cn.gov.partyaffairs.supervision.Days;
import cn.gov.partyaffairs.supervision.programme.ProgrammeService;
import cn.gov.partyaffairs.supervision.Texts;
import cn.gov.partyaffairs.supervision.programme.UnitInCharge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The findings' status machine: open → rectification reported (by the unit, with evidence) → verified by the group,
 * or reopened with a new deadline; overdue is flagged by {@link RectificationOverdueDetector}, resolved by
 * {@link AutomaticFindings}. A step the status does not allow is refused with a 409 naming the status; a step is
 * dated on a day that has come and not before the step it follows.
 */
@ApplicationScoped
@Transactional
public class FindingService {

    private final FindingRepository findings;
    private final InspectionRepository inspections;
    private final AssignmentRepository assignments;
    private final ProgrammeService programme;
    private final FindingLog log;
    private final Caller caller;
    private final Clock clock;

    public FindingService(FindingRepository findings, InspectionRepository inspections, AssignmentRepository assignments,
                          ProgrammeService programme, FindingLog log, Caller caller, Clock clock) {
        this.findings = findings;
        this.inspections = inspections;
        this.assignments = assignments;
        this.programme = programme;
        this.log = log;
        this.caller = caller;
        this.clock = clock;
    }

    public Finding raise(FindingRequests.Raise request) {
        UnitInCharge unit = programme.unitForAction(request.unitCode().strip(), "记录问题");
        Inspection inspection = null;
        if (request.inspectionId() != null) {
            inspection = inspections.findByIdOptional(request.inspectionId())
                    .filter(i -> i.unitCode.equals(unit.code()))
                    .orElseThrow(() -> ProblemException.invalid("inspectionId",
                            "没有对" + unit.unit().organizationName + "的这次督查（" + request.inspectionId() + "）"));
        }
        LocalDate raisedOn = Days.onOrToday(request.raisedOn() != null ? request.raisedOn()
                : inspection != null ? inspection.inspectedOn : null, today(), "raisedOn", "发现问题日期");
        if (inspection != null) {
            Days.notBefore(raisedOn, inspection.inspectedOn, "raisedOn", "发现问题日期", "督查日期");
        }
        Days.notBefore(request.deadline(), raisedOn, "deadline", "整改期限", "发现问题日期");

        Finding f = new Finding();
        f.id = UUID.randomUUID();
        f.unitCode = unit.code();
        f.source = inspection != null ? FindingSource.INSPECTION : FindingSource.GUIDANCE;
        f.inspectionId = request.inspectionId();
        f.description = required(Texts.plain(request.description()), "description", "请描述发现的问题");
        f.severity = request.severity();
        f.responsible = required(Texts.plain(request.responsible()), "responsible", "请填写整改责任人");
        f.raisedOn = raisedOn;
        f.deadline = request.deadline();
        f.status = FindingStatus.OPEN;
        f.raisedBy = caller.username();
        f.createdAt = now();
        findings.persist(f);
        log.step(f, FindingStep.Action.RAISED, raisedOn, null, f.raisedBy, new FindingRaised(f.id, f.unitCode,
                unit.groupCode(), f.source, f.inspectionId, null, f.description, f.severity, f.responsible, f.raisedOn,
                f.deadline, f.raisedBy, f.createdAt));
        return f;
    }

    /** The unit's own clerk, or its group, reports the rectification with its evidence. */
    public Finding reportRectification(UUID id, FindingRequests.ReportRectification request) {
        Finding f = findings.lock(id).orElseThrow(() -> notFound(id));
        if (caller.is(Caller.ORG_CLERK)) {
            caller.requireActsFor(f.unitCode);
        } else {
            caller.requireActsForGroup(assignments.currentGroupOf(f.unitCode));
        }
        if (!f.status.awaitsRectification()) {
            throw ProblemException.illegalTransition(f.status.named(), "报告整改");
        }
        LocalDate on = stepDay(f, request.reportedOn(), "reportedOn", "整改报告日期");
        f.status = FindingStatus.RECTIFICATION_REPORTED;
        f.evidence = required(Texts.plain(request.evidence()), "evidence", "请填写整改佐证材料");
        log.step(f, FindingStep.Action.RECTIFICATION_REPORTED, on, f.evidence, caller.username(),
                new RectificationReported(f.id, f.unitCode, f.evidence, on, f.deadline, caller.username(), now()));
        return f;
    }

    /** The group accepts the rectification: the finding is closed (销号). */
    public Finding verify(UUID id, FindingRequests.Verify request) {
        Finding f = lockedForGroup(id, "验收销号");
        if (f.status != FindingStatus.RECTIFICATION_REPORTED) {
            throw ProblemException.illegalTransition(f.status.named(), "验收销号（尚未报告整改）");
        }
        LocalDate on = stepDay(f, request.verifiedOn(), "verifiedOn", "验收日期");
        String note = Texts.plain(request.note());
        f.status = FindingStatus.VERIFIED;
        f.closedOn = on;
        log.step(f, FindingStep.Action.VERIFIED, on, note, caller.username(),
                new RectificationVerified(f.id, f.unitCode, on, note, caller.username(), now()));
        return f;
    }

    /** The group does not accept the rectification: open again until a new deadline, which may be flagged overdue anew. */
    public Finding reopen(UUID id, FindingRequests.Reopen request) {
        Finding f = lockedForGroup(id, "退回重新整改");
        if (f.status != FindingStatus.RECTIFICATION_REPORTED) {
            throw ProblemException.illegalTransition(f.status.named(), "退回重新整改（尚未报告整改）");
        }
        LocalDate on = stepDay(f, request.reopenedOn(), "reopenedOn", "退回日期");
        Days.notBefore(request.newDeadline(), on, "newDeadline", "新的整改期限", "退回日期");
        String reason = required(Texts.plain(request.reason()), "reason", "请说明退回重新整改的理由");
        f.status = FindingStatus.REOPENED;
        f.deadline = request.newDeadline();
        f.evidence = null;
        f.overdueSince = null;
        log.step(f, FindingStep.Action.REOPENED, on, reason, caller.username(),
                new FindingReopened(f.id, f.unitCode, reason, on, f.deadline, caller.username(), now()));
        return f;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Finding get(UUID id) {
        return findings.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private Finding lockedForGroup(UUID id, String action) {
        Finding f = findings.lock(id).orElseThrow(() -> notFound(id));
        caller.requireActsForGroup(assignments.currentGroupOf(f.unitCode));
        if (f.status.isClosed()) {
            throw ProblemException.illegalTransition(f.status.named(), action);
        }
        return f;
    }

    /** The step's day: today when absent, never in the future, never before the finding's latest step. */
    private LocalDate stepDay(Finding f, LocalDate given, String field, String what) {
        LocalDate on = Days.onOrToday(given, today(), field, what);
        Days.notBefore(on, findings.lastStepOn(f.id), field, what, "上一步的日期");
        return on;
    }

    private static String required(String value, String field, String message) {
        if (value == null) {
            throw ProblemException.invalid(field, message);
        }
        return value;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("问题", id.toString());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
