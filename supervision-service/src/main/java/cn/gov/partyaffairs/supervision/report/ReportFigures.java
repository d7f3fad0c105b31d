package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.contracts.supervision.ProgressFigures;

import java.time.LocalDate;
import java.util.List;

/**
 * What a progress report is generated from: the group's totals and one row per unit.
 *
 * @param asOf the period's last day, or the day of generation for a period still running: standing figures (tasks
 *             done, open and overdue findings) are as of the end of that day
 */
public record ReportFigures(LocalDate asOf, ProgressFigures totals, List<UnitFigures> units) {

    /**
     * One unit's figures in the period; see {@link ProgressFigures} for each.
     *
     * @param cadenceKept no missed disclosure fell due in the period
     */
    public record UnitFigures(String unitCode, String unitName, int tasksDone, int inspections, Double averageScore,
                              int findingsRaised, int findingsClosed, int openFindings, int overdueFindings,
                              int disclosureLapses, int commitmentLapses, boolean cadenceKept) {
    }
}
