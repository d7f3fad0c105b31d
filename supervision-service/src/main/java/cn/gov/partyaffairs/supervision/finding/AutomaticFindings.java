package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.commitment.CommitmentFulfilled;
import cn.gov.partyaffairs.contracts.commitment.CommitmentOverdue;
import cn.gov.partyaffairs.contracts.commitment.CommitmentWithdrawn;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureLapseCured;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureOverdue;
import cn.gov.partyaffairs.contracts.disclosure.DisclosureStepEscalated;
import cn.gov.partyaffairs.contracts.disclosure.StepEscalationLevel;
import cn.gov.partyaffairs.contracts.supervision.FindingRaised;
import cn.gov.partyaffairs.contracts.supervision.FindingResolved;
import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.supervision.programme.DemonstrationUnit;
import cn.gov.partyaffairs.supervision.programme.UnitStatus;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import cn.gov.partyaffairs.supervision.programme.UnitRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Findings nobody types: a watched unit's missed disclosure period ({@link DisclosureOverdue}) or overdue practical
 * thing ({@link CommitmentOverdue}) gives its group a finding, and the cure ({@link DisclosureLapseCured},
 * {@link CommitmentFulfilled}) resolves it; so does withdrawing the commitment ({@link CommitmentWithdrawn}): what is
 * no longer promised cannot stay overdue.
 *
 * <p>Exactly one finding per lapse, however often and under whatever event id the lapse arrives: the lapse is kept
 * under its own id (the obligation's or the commitment's), the finding names it under a unique constraint, and the
 * unit row is locked while one is looked for and made, so a designation raising the same lapse at once waits.
 * Lapses of organizations that are not (yet) units are kept too: designating one raises its open lapses.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AutomaticFindings {

    static final String SYSTEM = "system";

    private static final String DISCLOSURE_OVERDUE = DomainEvent.typeOf(DisclosureOverdue.class).value();
    private static final String DISCLOSURE_CURED = DomainEvent.typeOf(DisclosureLapseCured.class).value();
    private static final String STEP_ESCALATED = DomainEvent.typeOf(DisclosureStepEscalated.class).value();
    private static final String COMMITMENT_OVERDUE = DomainEvent.typeOf(CommitmentOverdue.class).value();
    private static final String COMMITMENT_FULFILLED = DomainEvent.typeOf(CommitmentFulfilled.class).value();
    private static final String COMMITMENT_WITHDRAWN = DomainEvent.typeOf(CommitmentWithdrawn.class).value();
    /** The disclosure service's event types that raise or resolve an automatic finding. */
    public static final java.util.Set<String> DISCLOSURE_TYPES = java.util.Set.of(DISCLOSURE_OVERDUE, DISCLOSURE_CURED,
            STEP_ESCALATED);
    /** The commitment service's event types that raise or resolve an automatic finding. */
    public static final java.util.Set<String> COMMITMENT_TYPES = java.util.Set.of(COMMITMENT_OVERDUE, COMMITMENT_FULFILLED,
            COMMITMENT_WITHDRAWN);

    /** What a waiting step waits for, by the disclosure's status while it waits. */
    private static final java.util.Map<String, String> WAITING_FOR = java.util.Map.of(
            "SUBMITTED", "已提交待审核", "REVIEWED", "已审核待审批", "APPROVED", "已审批待公开");

    private final EntityManager em;
    private final UnitRepository units;
    private final AssignmentRepository assignments;
    private final FindingRepository findings;
    private final LapseRepository lapses;
    private final FindingLog log;
    private final SupervisionConfig.AutomaticFindings config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AutomaticFindings(EntityManager em, UnitRepository units, AssignmentRepository assignments,
                             FindingRepository findings, LapseRepository lapses, FindingLog log,
                             SupervisionConfig config, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.units = units;
        this.assignments = assignments;
        this.findings = findings;
        this.lapses = lapses;
        this.log = log;
        this.config = config.automaticFindings();
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Takes the lapse events of {@code disclosure.events} and {@code commitment.events}; ignores every other. */
    public void apply(IncomingEvent event) {
        if (DISCLOSURE_OVERDUE.equals(event.type())) {
            DisclosureOverdue e = event.as(DisclosureOverdue.class, mapper);
            lapsed(e.obligationId(), Lapse.Kind.DISCLOSURE, e.organizationCode(),
                    "党务公开逾期未发布：公开期 " + e.periodStart() + " 至 " + e.periodEnd() + "，应于 " + e.dueDate() + " 前公开",
                    e.dueDate(), day(e.detectedAt()));
        } else if (DISCLOSURE_CURED.equals(event.type())) {
            DisclosureLapseCured e = event.as(DisclosureLapseCured.class, mapper);
            LocalDate on = day(e.publishedAt());
            cured(e.obligationId(), on, e.onTime(), e.onTime() ? "台账补录表明该期党务公开已于 " + on + " 按期发布"
                    : "逾期的党务公开已于 " + on + " 发布");
        } else if (STEP_ESCALATED.equals(event.type())) {
            // A disclosure's workflow step left waiting until the county office was told: a finding for the unit
            // that held the step (the reviewing parent, or the organization itself for publication), kept as a
            // disclosure lapse under the step's own id, so once per step. None when the county office held it.
            DisclosureStepEscalated e = event.as(DisclosureStepEscalated.class, mapper);
            if (e.level() == StepEscalationLevel.COUNTY_OFFICE && e.holderOrganizationCode() != null) {
                lapsed(e.deadlineId(), Lapse.Kind.DISCLOSURE, e.holderOrganizationCode(), "党务公开环节超时，已报县委党务公开办公室："
                        + e.organizationCode() + " 的公开事项" + WAITING_FOR.getOrDefault(e.step(), e.step()) + "，自 "
                        + e.enteredOn() + " 起等待，已超过 " + e.limitDate() + " 的时限", e.limitDate(), day(e.at()));
            }
        } else if (COMMITMENT_OVERDUE.equals(event.type())) {
            CommitmentOverdue e = event.as(CommitmentOverdue.class, mapper);
            if (e.organizationCode() != null) {
                lapsed(e.commitmentId(), Lapse.Kind.COMMITMENT, e.organizationCode(),
                        "为民办实事逾期未兑现：“" + e.title() + "”，完成时限 " + e.dueDate()
                                + (e.progressPercent() == null ? "" : "，进度 " + e.progressPercent() + "%"),
                        e.dueDate(), day(e.detectedAt()));
            }
        } else if (COMMITMENT_FULFILLED.equals(event.type())) {
            CommitmentFulfilled e = event.as(CommitmentFulfilled.class, mapper);
            cured(e.commitmentId(), e.fulfilledOn(), false, "为民办实事已于 " + e.fulfilledOn() + " 兑现");
        } else if (COMMITMENT_WITHDRAWN.equals(event.type())) {
            CommitmentWithdrawn e = event.as(CommitmentWithdrawn.class, mapper);
            LocalDate on = day(e.at());
            cured(e.commitmentId(), on, false, "为民办实事已于 " + on + " 撤回：" + e.reason());
        }
    }

    /** A unit just designated: each of its lapses still open becomes its finding, if it has none yet. */
    public void raiseForOpenLapses(DemonstrationUnit unit) {
        lapses.open(unit.organizationCode).forEach(lapse -> raise(unit, lapse));
    }

    private void lapsed(UUID id, Lapse.Kind kind, String organizationCode, String description, LocalDate dueDate,
                        LocalDate detectedOn) {
        em.createNativeQuery("""
                        INSERT INTO lapse (id, kind, organization_code, description, due_date, detected_on)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, organizationCode)
                .setParameter(4, description).setParameter(5, dueDate).setParameter(6, detectedOn)
                .executeUpdate();
        Lapse lapse = lapses.findById(id);
        if (lapse.curedOn == null) {
            units.lockByCode(organizationCode).filter(u -> u.status == UnitStatus.DESIGNATED)
                    .ifPresent(unit -> raise(unit, lapse));
        }
    }

    /** Called with the unit row locked. */
    private void raise(DemonstrationUnit unit, Lapse lapse) {
        if (findings.count("lapseId", lapse.id) > 0) {
            return;
        }
        LocalDate raisedOn = lapse.detectedOn.isAfter(unit.designatedOn) ? lapse.detectedOn : unit.designatedOn;
        Finding f = new Finding();
        f.id = UUID.randomUUID();
        f.unitCode = unit.organizationCode;
        f.source = lapse.kind == Lapse.Kind.DISCLOSURE ? FindingSource.DISCLOSURE_LAPSE : FindingSource.COMMITMENT_LAPSE;
        f.lapseId = lapse.id;
        f.description = lapse.description;
        f.severity = config.severity();
        f.responsible = unit.organizationName + config.responsible();
        f.raisedOn = raisedOn;
        f.deadline = raisedOn.plusDays(config.deadlineDays());
        f.status = FindingStatus.OPEN;
        f.raisedBy = SYSTEM;
        f.createdAt = OffsetDateTime.now(clock);
        findings.persist(f);
        log.step(f, FindingStep.Action.RAISED, raisedOn, null, SYSTEM, new FindingRaised(f.id, f.unitCode,
                assignments.currentGroupOf(f.unitCode), f.source, null, f.lapseId, f.description, f.severity,
                f.responsible, f.raisedOn, f.deadline, SYSTEM, f.createdAt));
    }

    private void cured(UUID lapseId, LocalDate on, boolean onTime, String cure) {
        Lapse lapse = lapses.findById(lapseId);
        if (lapse == null || lapse.curedOn != null) {
            return; // not a lapse we know (a commitment fulfilled on time), or cured already
        }
        lapse.curedOn = on;
        lapse.curedOnTime = onTime;
        lapse.cure = cure;
        findings.lockByLapse(lapseId).filter(f -> !f.status.isClosed()).ifPresent(f -> {
            LocalDate last = findings.lastStepOn(f.id);
            LocalDate resolvedOn = on.isBefore(last) ? last : on;
            f.status = FindingStatus.RESOLVED;
            f.closedOn = resolvedOn;
            log.step(f, FindingStep.Action.RESOLVED, resolvedOn, cure, SYSTEM, new FindingResolved(f.id, f.unitCode,
                    lapseId, f.source, resolvedOn, cure, OffsetDateTime.now(clock)));
        });
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
