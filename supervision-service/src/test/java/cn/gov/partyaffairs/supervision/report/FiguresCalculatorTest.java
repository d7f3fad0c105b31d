package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.contracts.supervision.ProgressFigures;
import cn.gov.partyaffairs.supervision.report.ReportFigures.UnitFigures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The calculator on its own, over rows written straight into the service's database: the edges of who belongs to
 * the group in a period, of what counts as done, open or overdue on the last day, and of a period still running.
 * ({@code ProgressReportTest} takes a whole story through the API; this pins each rule at its boundary.)
 */
@QuarkusTest
class FiguresCalculatorTest {

    private static final Period MAY = Period.parse("2031-05");

    @Inject
    FiguresCalculator calculator;

    @Inject
    EntityManager em;

    private String group;
    private String u1;
    private String u5;

    /**
     * A group with five units that come and go around May 2031. U1 the group's since April; U5 the group's until
     * 20 May (handed over mid-period: it counts); U2 handed over on 1 May, U3 the group's only from 1 June and U4
     * for no day at all (assigned and handed over on 10 May) do not count.
     */
    @BeforeEach
    void story() {
        String prefix = "FC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        group = prefix + "-G";
        u1 = prefix + "-1";
        String u2 = prefix + "-2";
        String u3 = prefix + "-3";
        String u4 = prefix + "-4";
        u5 = prefix + "-5";
        QuarkusTransaction.requiringNew().run(() -> {
            sql("INSERT INTO guidance_group (id, code, name, formed_by, version, created_at) VALUES (?1, ?2, '测试小组', 'admin', 1, now())",
                    UUID.randomUUID(), group);
            UUID first = unit(u1);
            assign(first, "2031-04-01", null);
            assign(unit(u2), "2031-03-01", "2031-05-01");
            assign(unit(u3), "2031-06-01", null);
            assign(unit(u4), "2031-05-10", "2031-05-10");
            UUID fifth = unit(u5);
            assign(fifth, "2031-04-01", "2031-05-20");

            // Tasks: done on the last day counts, done the day after does not, one in progress never.
            task(first, "IMPLEMENTATION_RULES", "DONE", "2031-05-31");
            task(first, "CONTENT_CATALOG", "DONE", "2031-06-01");
            task(first, "DISCLOSURE_METHODS", "IN_PROGRESS", "2031-05-02");
            task(fifth, "MATERIALS_LEDGERS", "DONE", "2031-04-15");

            // Inspections of U1: three in May (80, 81, 81: 80.67 shown as 80.7), one in April that does not count.
            inspection(u1, "2031-04-30", 99);
            inspection(u1, "2031-05-02", 80);
            inspection(u1, "2031-05-20", 81);
            inspection(u1, "2031-05-31", 81);

            // Findings of U1, each as its history stood on the last day.
            finding(u1, "2031-04-20", "2031-05-15", null, "OPEN"); // raised before May, overdue at its end
            finding(u1, "2031-05-05", "2031-05-31", null, "OPEN"); // due on the last day: not yet overdue
            UUID verifiedLater = finding(u1, "2031-05-06", "2031-05-10", "2031-06-02", "RECTIFICATION_REPORTED");
            step(verifiedLater, 3, "VERIFIED", "2031-05-10", "2031-06-02");
            UUID closed = finding(u1, "2031-05-07", "2031-05-12", "2031-05-12", "VERIFIED");
            step(closed, 2, "VERIFIED", "2031-05-12", "2031-05-12");
            finding(u1, "2031-06-03", "2031-06-30", null, "OPEN"); // raised after May

            // Lapses of U1: a disclosure missed in May counts, one cured on time does not, nor one due in June.
            lapse(u1, "DISCLOSURE", "2031-05-10", false);
            lapse(u1, "DISCLOSURE", "2031-05-20", true);
            lapse(u1, "DISCLOSURE", "2031-06-05", false);
            lapse(u1, "COMMITMENT", "2031-05-25", false);
        });
    }

    @Test
    void aPastPeriodCountsItsUnitsAsTheyStoodOnItsLastDay() {
        ReportFigures figures = calculator.compute(group, MAY, LocalDate.parse("2031-06-15"));

        assertEquals(LocalDate.parse("2031-05-31"), figures.asOf());
        assertEquals(List.of(
                new UnitFigures(u1, "单位" + u1, 1, 3, 80.7, 3, 1, 3, 1, 1, 1, false),
                new UnitFigures(u5, "单位" + u5, 1, 0, null, 0, 0, 0, 0, 0, 0, true)), figures.units());
        assertEquals(new ProgressFigures(2, 2, 8, 3, 80.7, 3, 1, 3, 1, 1, 1, 1), figures.totals());
    }

    @Test
    void aPeriodStillRunningStopsToday() {
        ReportFigures figures = calculator.compute(group, MAY, LocalDate.parse("2031-05-20"));

        // The 31 May task and inspection have not happened yet; the lapse due 10 May has; U5 is still the group's.
        assertEquals(LocalDate.parse("2031-05-20"), figures.asOf());
        assertEquals(List.of(
                new UnitFigures(u1, "单位" + u1, 0, 2, 80.5, 3, 1, 3, 1, 1, 0, false),
                new UnitFigures(u5, "单位" + u5, 1, 0, null, 0, 0, 0, 0, 0, 0, true)), figures.units());
        assertEquals(new ProgressFigures(2, 1, 8, 2, 80.5, 3, 1, 3, 1, 1, 0, 1), figures.totals());
    }

    @Test
    void aGroupWithoutUnitsInThePeriodHasNothingToCount() {
        ReportFigures figures = calculator.compute(group, Period.parse("2031-02"), LocalDate.parse("2031-06-15"));

        assertEquals(LocalDate.parse("2031-02-28"), figures.asOf());
        assertEquals(List.of(), figures.units());
        assertEquals(new ProgressFigures(0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0), figures.totals());
    }

    private UUID unit(String code) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO demonstration_unit (id, organization_code, organization_name, organization_type,
                    cadence_months, status, designated_on, designated_by, version, created_at)
                VALUES (?1, ?2, ?3, 'village-branch', 1, 'DESIGNATED', DATE '2031-01-01', 'admin', 1, now())""",
                id, code, "单位" + code);
        return id;
    }

    private void assign(UUID unit, String from, String until) {
        sql("""
                INSERT INTO group_assignment (id, unit_id, group_code, assigned_from, assigned_until, assigned_by,
                    created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS date), 'admin', now())""",
                UUID.randomUUID(), unit, group, LocalDate.parse(from), until == null ? null : LocalDate.parse(until));
    }

    private void task(UUID unit, String kind, String status, String on) {
        sql("INSERT INTO guidance_task (unit_id, kind, status, status_on) VALUES (?1, ?2, ?3, ?4)",
                unit, kind, status, LocalDate.parse(on));
    }

    private void inspection(String unit, String on, int score) {
        UUID round = UUID.randomUUID();
        sql("""
                INSERT INTO inspection_round (id, name, starts_on, ends_on, status, planned_by, version, created_at)
                VALUES (?1, '督查', ?2, ?2, 'CLOSED', 'admin', 1, now())""", round, LocalDate.parse(on));
        sql("""
                INSERT INTO inspection (id, round_id, unit_code, group_code, inspected_on, total_score, max_score,
                    recorded_by, version, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 100, 'inspector', 1, now())""",
                UUID.randomUUID(), round, unit, group, LocalDate.parse(on), score);
    }

    /** A finding raised on a day, with the first step of its history; {@code status} is its state now. */
    private UUID finding(String unit, String raised, String deadline, String closed, String status) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO finding (id, unit_code, source, description, severity, responsible, raised_on, deadline,
                    status, closed_on, raised_by, version, created_at)
                VALUES (?1, ?2, 'GUIDANCE', '问题', 'MINOR', '支部书记', ?3, ?4, ?5, CAST(?6 AS date), 'inspector', 1, now())""",
                id, unit, LocalDate.parse(raised), LocalDate.parse(deadline),
                closed == null ? status : "VERIFIED", closed == null ? null : LocalDate.parse(closed));
        step(id, 1, "OPEN", deadline, raised);
        if (status.equals("RECTIFICATION_REPORTED")) {
            step(id, 2, status, deadline, raised);
        }
        return id;
    }

    private void step(UUID finding, int seq, String status, String deadline, String on) {
        sql("""
                INSERT INTO finding_history (id, finding_id, seq, action, status, deadline, on_date, actor, at)
                VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, 'inspector', now())""",
                UUID.randomUUID(), finding, seq, status, LocalDate.parse(deadline), LocalDate.parse(on));
    }

    private void lapse(String unit, String kind, String due, boolean curedOnTime) {
        sql("""
                INSERT INTO lapse (id, kind, organization_code, description, due_date, detected_on, cured_on,
                    cured_on_time)
                VALUES (?1, ?2, ?3, '逾期', ?4, ?4, CAST(?5 AS date), ?6)""",
                UUID.randomUUID(), kind, unit, LocalDate.parse(due), curedOnTime ? LocalDate.parse(due) : null,
                curedOnTime);
    }

    private void sql(String statement, Object... parameters) {
        var query = em.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
