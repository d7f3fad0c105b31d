package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;
import cn.gov.partyaffairs.contracts.supervision.ProgressFigures;
import cn.gov.partyaffairs.supervision.report.ReportFigures.UnitFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's figures for a period, counted in the database. The units are those the group was responsible for on any
 * day of the period (a unit handed over mid-period counts for both groups). Flows (inspections, findings raised and
 * closed, lapses) count what happened within the period; standing figures (tasks done, findings open and overdue)
 * are read from the history as it stood at the end of its last day, so a late report of a past period says what was
 * true then. A disclosure lapse cured on time (a paper ledger typed in late) does not count against the cadence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FiguresCalculator {

    private final EntityManager em;

    public FiguresCalculator(EntityManager em) {
        this.em = em;
    }

    public ReportFigures compute(String groupCode, Period period, LocalDate today) {
        LocalDate start = period.start();
        LocalDate end = period.end().isAfter(today) ? today : period.end();
        Map<String, Tally> tallies = new TreeMap<>();
        for (Object[] row : rows("""
                SELECT DISTINCT u.organization_code, u.organization_name FROM group_assignment a
                JOIN demonstration_unit u ON u.id = a.unit_id
                WHERE a.group_code = :group AND a.assigned_from <= :end
                  AND (a.assigned_until IS NULL OR (a.assigned_until > :start AND a.assigned_until > a.assigned_from))
                """, Map.of("group", groupCode, "start", start, "end", end))) {
            tallies.put((String) row[0], new Tally((String) row[1]));
        }
        if (tallies.isEmpty()) {
            return new ReportFigures(end, new ProgressFigures(0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0), List.of());
        }
        List<String> codes = List.copyOf(tallies.keySet());
        Map<String, Object> params = Map.of("units", codes, "start", start, "end", end);
        for (Object[] row : rows("""
                SELECT u.organization_code, count(*) FROM guidance_task t JOIN demonstration_unit u ON u.id = t.unit_id
                WHERE u.organization_code IN (:units) AND t.status = 'DONE' AND t.status_on <= :end
                GROUP BY 1""", Map.of("units", codes, "end", end))) {
            tallies.get((String) row[0]).tasksDone = number(row[1]);
        }
        for (Object[] row : rows("""
                SELECT unit_code, count(*), sum(total_score) FROM inspection
                WHERE unit_code IN (:units) AND inspected_on BETWEEN :start AND :end GROUP BY 1""", params)) {
            Tally t = tallies.get((String) row[0]);
            t.inspections = number(row[1]);
            t.scoreSum = number(row[2]);
        }
        // Each finding's status and deadline as its last step up to the end day left them.
        for (Object[] row : rows("""
                SELECT f.unit_code,
                       count(*) FILTER (WHERE f.raised_on >= :start),
                       count(*) FILTER (WHERE f.closed_on BETWEEN :start AND :end),
                       count(*) FILTER (WHERE s.status IN ('OPEN', 'REOPENED', 'RECTIFICATION_REPORTED')),
                       count(*) FILTER (WHERE s.status IN ('OPEN', 'REOPENED') AND s.deadline < :end)
                FROM finding f
                CROSS JOIN LATERAL (SELECT h.status, h.deadline FROM finding_history h
                                    WHERE h.finding_id = f.id AND h.on_date <= :end
                                    ORDER BY h.seq DESC LIMIT 1) s
                WHERE f.unit_code IN (:units) AND f.raised_on <= :end
                GROUP BY 1""", params)) {
            Tally t = tallies.get((String) row[0]);
            t.raised = number(row[1]);
            t.closed = number(row[2]);
            t.open = number(row[3]);
            t.overdue = number(row[4]);
        }
        for (Object[] row : rows("""
                SELECT organization_code, count(*) FILTER (WHERE kind = 'DISCLOSURE' AND NOT cured_on_time),
                       count(*) FILTER (WHERE kind = 'COMMITMENT')
                FROM lapse WHERE organization_code IN (:units) AND due_date BETWEEN :start AND :end
                GROUP BY 1""", params)) {
            Tally t = tallies.get((String) row[0]);
            t.disclosureLapses = number(row[1]);
            t.commitmentLapses = number(row[2]);
        }

        List<UnitFigures> units = new ArrayList<>();
        Tally all = new Tally(null);
        int keepingCadence = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            units.add(new UnitFigures(e.getKey(), t.name, t.tasksDone, t.inspections, t.average(), t.raised, t.closed,
                    t.open, t.overdue, t.disclosureLapses, t.commitmentLapses, t.disclosureLapses == 0));
            all.add(t);
            keepingCadence += t.disclosureLapses == 0 ? 1 : 0;
        }
        ProgressFigures totals = new ProgressFigures(units.size(), all.tasksDone,
                units.size() * GuidanceTaskKind.values().length, all.inspections, all.average(), all.raised, all.closed,
                all.open, all.overdue, all.disclosureLapses, all.commitmentLapses, keepingCadence);
        return new ReportFigures(end, totals, units);
    }

    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static final class Tally {
        final String name;
        int tasksDone;
        int inspections;
        long scoreSum;
        int raised;
        int closed;
        int open;
        int overdue;
        int disclosureLapses;
        int commitmentLapses;

        Tally(String name) {
            this.name = name;
        }

        void add(Tally t) {
            tasksDone += t.tasksDone;
            inspections += t.inspections;
            scoreSum += t.scoreSum;
            raised += t.raised;
            closed += t.closed;
            open += t.open;
            overdue += t.overdue;
            disclosureLapses += t.disclosureLapses;
            commitmentLapses += t.commitmentLapses;
        }

        Double average() {
            return inspections == 0 ? null : Math.round(scoreSum * 10.0 / inspections) / 10.0;
        }
    }
}
