package cn.gov.partyaffairs.supervision.practice;

import cn.gov.partyaffairs.contracts.supervision.GoodPracticeRevised;
import cn.gov.partyaffairs.contracts.supervision.GoodPracticeWrittenUp;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.inspection.Inspection;
import cn.gov.partyaffairs.supervision.inspection.InspectionRepository;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import cn.gov.partyaffairs.supervision.Days;
import cn.gov.partyaffairs.supervision.programme.ProgrammeService;
import cn.gov.partyaffairs.supervision.Texts;
import cn.gov.partyaffairs.supervision.programme.UnitInCharge;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Good-practice write-ups: the unit's guidance group (or a county admin) writes and revises them. */
@ApplicationScoped
@Transactional
public class GoodPracticeService implements PanacheRepositoryBase<GoodPractice, UUID> {

    private final ProgrammeService programme;
    private final InspectionRepository inspections;
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public GoodPracticeService(ProgrammeService programme, InspectionRepository inspections,
                               AssignmentRepository assignments, Outbox outbox, Caller caller, Clock clock) {
        this.programme = programme;
        this.inspections = inspections;
        this.assignments = assignments;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public GoodPractice writeUp(GoodPracticeResource.WriteUp request) {
        UnitInCharge unit = programme.unitForAction(request.unitCode().strip(), "撰写经验做法");
        LocalDate writtenOn = Days.onOrToday(request.writtenOn(), LocalDate.now(clock), "writtenOn", "撰写日期");
        if (request.inspectionId() != null) {
            Inspection inspection = inspections.findByIdOptional(request.inspectionId())
                    .filter(i -> i.unitCode.equals(unit.code()))
                    .orElseThrow(() -> ProblemException.invalid("inspectionId",
                            "没有对" + unit.unit().organizationName + "的这次督查（" + request.inspectionId() + "）"));
            Days.notBefore(writtenOn, inspection.inspectedOn, "writtenOn", "撰写日期", "督查日期");
        }
        GoodPractice p = new GoodPractice();
        p.id = UUID.randomUUID();
        p.unitCode = unit.code();
        p.inspectionId = request.inspectionId();
        text(p, request.title(), request.summary(), request.body());
        p.writtenOn = writtenOn;
        p.author = caller.username();
        p.createdAt = now();
        persist(p);
        outbox.emit(p, new GoodPracticeWrittenUp(p.id, p.unitCode, p.inspectionId, p.title, p.summary, p.body,
                p.writtenOn, p.author, p.createdAt));
        return p;
    }

    public GoodPractice revise(UUID id, GoodPracticeResource.Revise request) {
        GoodPractice p = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("经验做法", id.toString()));
        caller.requireActsForGroup(assignments.currentGroupOf(p.unitCode));
        text(p, request.title(), request.summary(), request.body());
        p.revisedBy = caller.username();
        outbox.emit(p, new GoodPracticeRevised(p.id, p.unitCode, p.title, p.summary, p.body, p.revisedBy, now()));
        return p;
    }

    /** Newest first. {@code group} means the units it is responsible for now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<GoodPractice> search(String unit, String group, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (unit != null) {
            where.add("unitCode = :unit");
            params.and("unit", unit);
        }
        if (group != null) {
            where.add("""
                    unitCode in (select u.organizationCode from DemonstrationUnit u, GroupAssignment a
                                 where a.unitId = u.id and a.groupCode = :group and a.assignedUntil is null)""");
            params.and("group", group);
        }
        PanacheQuery<GoodPractice> found = find(String.join(" and ", where),
                Sort.descending("writtenOn").and("title"), params);
        return new PageResult<>(found.page(Page.of(page, size)).list(), page, size, found.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GoodPractice get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("经验做法", id.toString()));
    }

    /** Plain text: a write-up goes on to the media. */
    private static void text(GoodPractice p, String title, String summary, String body) {
        p.title = Texts.plain(title);
        p.summary = Texts.plain(summary);
        p.body = Texts.plain(body);
        if (p.title == null) {
            throw ProblemException.invalid("title", "请填写标题");
        }
        if (p.body == null) {
            throw ProblemException.invalid("body", "请填写正文");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
