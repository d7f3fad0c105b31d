package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.contracts.supervision.ProgressFigures;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportEdited;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportFiled;
import cn.gov.partyaffairs.contracts.supervision.ProgressReportGenerated;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.programme.GuidanceGroup;
import cn.gov.partyaffairs.supervision.programme.GroupRepository;
import cn.gov.partyaffairs.supervision.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Progress reports per group per period: generated from the units' figures as a draft, which the group may edit
 * (its text) and generate again (its figures and summary) until it files it; a filed report never changes.
 */
@ApplicationScoped
@Transactional
public class ProgressReportService implements PanacheRepositoryBase<ProgressReport, UUID> {

    private final GroupRepository groups;
    private final FiguresCalculator calculator;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public ProgressReportService(GroupRepository groups, FiguresCalculator calculator, ObjectMapper mapper,
                                 Outbox outbox, Caller caller, Clock clock) {
        this.groups = groups;
        this.calculator = calculator;
        this.mapper = mapper;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    public ProgressReport generate(String groupCode, String periodCode) {
        caller.requireActsForGroup(groupCode);
        // Locked: two requests for the same period make one report.
        GuidanceGroup group = groups.find("code", groupCode).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("督促指导小组", groupCode));
        Period period = Period.parse(periodCode);
        if (period.start().isAfter(today())) {
            throw ProblemException.invalid("period", "报告期 " + period.label() + " 尚未开始");
        }
        find("groupCode = ?1 and period = ?2", groupCode, period.code()).firstResultOptional().ifPresent(existing -> {
            throw ProblemException.conflict("report-exists", group.name + period.label() + "的进度报告已存在（"
                    + existing.status.label() + "，" + existing.id + "）；草稿可以重新生成或修改");
        });
        ProgressReport r = new ProgressReport();
        r.id = UUID.randomUUID();
        r.groupCode = groupCode;
        r.period = period.code();
        r.periodStart = period.start();
        r.periodEnd = period.end();
        r.status = ReportStatus.DRAFT;
        r.createdAt = now();
        fill(r, group, period);
        // Persisted only once filled: the calculator's queries flush the session.
        persist(r);
        return r;
    }

    /** Counts the figures again and writes a new summary; the next steps the group wrote stay. */
    public ProgressReport regenerate(UUID id) {
        ProgressReport r = draft(id, "重新生成");
        fill(r, groups.findByCode(r.groupCode).orElseThrow(), Period.parse(r.period));
        return r;
    }

    public ProgressReport edit(UUID id, String summary, String nextSteps) {
        ProgressReport r = draft(id, "修改");
        r.summary = Texts.plain(summary);
        if (r.summary == null) {
            throw ProblemException.invalid("summary", "请填写报告正文");
        }
        r.nextSteps = Texts.plain(nextSteps);
        outbox.emit(r, new ProgressReportEdited(r.id, r.groupCode, r.period, r.summary, r.nextSteps, caller.username(), now()));
        return r;
    }

    public ProgressReport file(UUID id) {
        ProgressReport r = draft(id, "报送");
        r.status = ReportStatus.FILED;
        r.filedBy = caller.username();
        r.filedAt = now();
        outbox.emit(r, new ProgressReportFiled(r.id, r.groupCode, r.period, figures(r).totals(), r.summary, r.nextSteps,
                r.filedBy, r.filedAt));
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgressReport get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("进度报告", id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgressReport> ofGroup(String groupCode) {
        groups.findByCode(groupCode).orElseThrow(() -> ProblemException.notFound("督促指导小组", groupCode));
        return list("groupCode = ?1 order by periodStart desc, period", groupCode);
    }

    public ReportFigures figures(ProgressReport r) {
        try {
            return mapper.readValue(r.figures, ReportFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the figures of report " + r.id + " cannot be read", e);
        }
    }

    private void fill(ProgressReport r, GuidanceGroup group, Period period) {
        ReportFigures figures = calculator.compute(r.groupCode, period, today());
        try {
            r.figures = mapper.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the figures of report " + r.id + " cannot be written", e);
        }
        r.summary = summary(group, period, figures);
        r.generatedBy = caller.username();
        r.generatedAt = now();
        outbox.emit(r, new ProgressReportGenerated(r.id, r.groupCode, r.period, r.periodStart, r.periodEnd, figures.totals(),
                r.summary, r.generatedBy, r.generatedAt));
    }

    /** The report's first draft, in the words the county's reports use. */
    static String summary(GuidanceGroup group, Period period, ReportFigures figures) {
        ProgressFigures f = figures.totals();
        StringBuilder text = new StringBuilder(group.name).append(period.label()).append("督促指导工作情况");
        if (figures.asOf().isBefore(period.end())) {
            text.append("（截至").append(figures.asOf()).append("）");
        }
        text.append("：负责示范单位").append(f.units()).append("个。");
        if (f.units() == 0) {
            return text.toString();
        }
        text.append("本期开展督查").append(f.inspections()).append("次");
        if (f.averageScore() != null) {
            text.append("，平均得分").append(f.averageScore()).append("分");
        }
        text.append("；新发现问题").append(f.findingsRaised()).append("个，整改销号").append(f.findingsClosed())
                .append("个；期末未整改问题").append(f.openFindings()).append("个，其中逾期").append(f.overdueFindings())
                .append("个。").append(f.unitsKeepingCadence()).append("/").append(f.units()).append("个单位按期公开党务");
        if (f.disclosureLapses() > 0) {
            text.append("，逾期未公开").append(f.disclosureLapses()).append("期");
        }
        if (f.commitmentLapses() > 0) {
            text.append("；为民办实事逾期").append(f.commitmentLapses()).append("项");
        }
        return text.append("。建设任务完成").append(f.tasksDone()).append("/").append(f.tasksTotal()).append("项。").toString();
    }

    private ProgressReport draft(UUID id, String action) {
        ProgressReport r = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("进度报告", id.toString()));
        caller.requireActsForGroup(r.groupCode);
        if (r.status != ReportStatus.DRAFT) {
            throw ProblemException.illegalTransition(r.status.named(), action);
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
