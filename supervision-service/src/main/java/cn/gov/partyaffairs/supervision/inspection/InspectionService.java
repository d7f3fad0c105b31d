package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.contracts.supervision.InspectionRecorded;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundClosed;
import cn.gov.partyaffairs.contracts.supervision.InspectionRoundPlanned;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.programme.UnitStatus;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import cn.gov.partyaffairs.supervision.programme.UnitRepository;
import cn.gov.partyaffairs.supervision.Days;
import cn.gov.partyaffairs.supervision.programme.ProgrammeService;
import cn.gov.partyaffairs.supervision.Texts;
import cn.gov.partyaffairs.supervision.programme.UnitInCharge;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rounds of on-site inspection, planned and closed by the county office, and the inspections the units' groups
 * record in them: one per unit per round, on a day within the round, with every checklist item scored.
 */
@ApplicationScoped
@Transactional
public class InspectionService {

    private final EntityManager em;
    private final InspectionRepository inspections;
    private final UnitRepository units;
    private final ProgrammeService programme;
    private final SupervisionConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public InspectionService(EntityManager em, InspectionRepository inspections, UnitRepository units,
                             ProgrammeService programme, SupervisionConfig config, Outbox outbox, Caller caller,
                             Clock clock) {
        this.em = em;
        this.inspections = inspections;
        this.units = units;
        this.programme = programme;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public InspectionRound plan(InspectionRequests.PlanRound request) {
        Days.notBefore(request.endsOn(), request.startsOn(), "endsOn", "结束日期", "开始日期");
        TreeSet<String> codes = new TreeSet<>();
        for (int i = 0; i < request.unitCodes().size(); i++) {
            String code = request.unitCodes().get(i).strip();
            String field = "unitCodes[" + i + "]";
            units.findByCode(code).filter(u -> u.status == UnitStatus.DESIGNATED).orElseThrow(() ->
                    ProblemException.invalid(field, code + " 不是示范单位，不能列入督查"));
            if (!codes.add(code)) {
                throw ProblemException.invalid(field, code + " 重复列出");
            }
        }
        InspectionRound r = new InspectionRound();
        r.id = UUID.randomUUID();
        r.name = Texts.plain(request.name());
        r.startsOn = request.startsOn();
        r.endsOn = request.endsOn();
        r.unitCodes = codes;
        r.status = RoundStatus.PLANNED;
        r.plannedBy = caller.username();
        r.createdAt = now();
        em.persist(r);
        outbox.emit(r, new InspectionRoundPlanned(r.id, r.name, r.startsOn, r.endsOn, List.copyOf(codes), r.plannedBy,
                r.createdAt));
        return r;
    }

    public InspectionRound close(UUID id) {
        InspectionRound r = round(id, LockModeType.PESSIMISTIC_WRITE);
        if (r.status != RoundStatus.PLANNED) {
            throw ProblemException.illegalTransition(r.status.named(), "结束督查轮次");
        }
        r.status = RoundStatus.CLOSED;
        r.closedBy = caller.username();
        r.closedAt = now();
        outbox.emit(r, new InspectionRoundClosed(r.id, r.name, r.unitCodes.size(), (int) inspectedIn(r.id), r.closedBy,
                r.closedAt));
        return r;
    }

    public Inspection record(UUID roundId, InspectionRequests.Record request) {
        // Shared: inspections of one round are recorded side by side, closing the round waits for them.
        InspectionRound round = round(roundId, LockModeType.PESSIMISTIC_READ);
        String code = request.unitCode().strip();
        UnitInCharge unit = programme.unitForAction(code, "记录督查");
        if (round.status != RoundStatus.PLANNED) {
            throw ProblemException.illegalTransition(round.status.named(), "记录督查");
        }
        if (!round.unitCodes.contains(code)) {
            throw ProblemException.invalid("unitCode", unit.unit().organizationName + "不在“" + round.name + "”的督查名单中");
        }
        if (inspections.count("roundId = ?1 and unitCode = ?2", roundId, code) > 0) {
            throw ProblemException.conflict("already-inspected", "“" + round.name + "”已记录过对" + unit.unit().organizationName + "的督查");
        }
        LocalDate on = Days.onOrToday(request.inspectedOn(), today(), "inspectedOn", "督查日期");
        if (on.isBefore(round.startsOn) || on.isAfter(round.endsOn)) {
            throw ProblemException.invalid("inspectedOn", "督查日期（" + on + "）须在本轮督查期间（" + round.startsOn + " 至 "
                    + round.endsOn + "）");
        }
        Days.notBefore(on, unit.unit().designatedOn, "inspectedOn", "督查日期", "命名示范单位的日期");

        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.roundId = roundId;
        i.unitCode = code;
        i.groupCode = unit.groupCode();
        i.inspectedOn = on;
        i.inspectors = request.inspectors().stream().map(String::strip).collect(Collectors.toCollection(ArrayList::new));
        i.scores = scores(request.scores());
        i.totalScore = i.scores.stream().mapToInt(s -> s.score).sum();
        i.maxScore = i.scores.stream().mapToInt(s -> s.maxScore).sum();
        i.observations = Texts.plain(request.observations());
        i.recordedBy = caller.username();
        i.createdAt = now();
        inspections.persist(i);
        outbox.emit(i, new InspectionRecorded(i.id, roundId, code, i.groupCode, on, List.copyOf(i.inspectors),
                i.scores.stream().map(s -> new InspectionRecorded.Score(s.item, s.label, s.score, s.maxScore, s.note))
                        .toList(), i.totalScore, i.maxScore, i.observations, i.recordedBy, i.createdAt));
        return i;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InspectionRound> rounds() {
        return em.createQuery("from InspectionRound order by startsOn, name", InspectionRound.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionRound round(UUID id) {
        return round(id, LockModeType.NONE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Inspection> inspectionsOf(UUID roundId) {
        return inspections.list("roundId", Sort.by("unitCode"), roundId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Inspection inspection(UUID id) {
        return inspections.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("督查记录", id.toString()));
    }

    /** Every configured item scored once, within its maximum, in the checklist's order. */
    private List<Score> scores(List<InspectionRequests.ItemScore> given) {
        Map<String, SupervisionConfig.ChecklistItem> checklist = config.checklist();
        Map<String, Score> byItem = new HashMap<>();
        for (int n = 0; n < given.size(); n++) {
            InspectionRequests.ItemScore s = given.get(n);
            SupervisionConfig.ChecklistItem item = checklist.get(s.item());
            if (item == null) {
                throw ProblemException.invalid("scores[" + n + "].item", "没有检查项目 " + s.item() + "；检查项目见 GET /checklist");
            }
            if (s.score() < 0 || s.score() > item.maxScore()) {
                throw ProblemException.invalid("scores[" + n + "].score",
                        item.label() + "的得分须在 0 到 " + item.maxScore() + " 之间");
            }
            Score score = new Score();
            score.item = s.item();
            score.label = item.label();
            score.score = s.score();
            score.maxScore = item.maxScore();
            score.note = Texts.plain(s.note());
            if (byItem.put(s.item(), score) != null) {
                throw ProblemException.invalid("scores[" + n + "].item", item.label() + "重复打分");
            }
        }
        List<String> missing = config.checklistOrder().stream().filter(code -> !byItem.containsKey(code))
                .map(code -> checklist.get(code).label() + "（" + code + "）").toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("scores", "以下检查项目尚未打分：" + String.join("、", missing));
        }
        return config.checklistOrder().stream().map(byItem::get)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private long inspectedIn(UUID roundId) {
        return inspections.count("roundId", roundId);
    }

    private InspectionRound round(UUID id, LockModeType lock) {
        InspectionRound r = em.find(InspectionRound.class, id, lock);
        if (r == null) {
            throw ProblemException.notFound("督查轮次", id.toString());
        }
        return r;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
