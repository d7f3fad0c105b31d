package cn.gov.partyaffairs.contracts.supervision;

/**
 * A guidance group's figures for one period, over the units it was responsible for during the period.
 *
 * @param units               demonstration units the group was responsible for at some time in the period
 * @param tasksDone           set-up tasks done by the period's end, of {@code tasksTotal} (four per unit)
 * @param inspections         inspections of those units held in the period
 * @param averageScore        their mean total score, one decimal; null without inspections
 * @param findingsRaised      findings raised in the period
 * @param findingsClosed      findings verified or resolved in the period
 * @param openFindings        findings open at the period's end (raised, not yet verified or resolved)
 * @param overdueFindings     of those, awaiting rectification past their deadline at the period's end
 * @param disclosureLapses    disclosure periods missed whose due date fell in the period
 * @param commitmentLapses    practical things due in the period that fell overdue
 * @param unitsKeepingCadence units with no missed disclosure falling due in the period
 */
public record ProgressFigures(
        int units,
        int tasksDone,
        int tasksTotal,
        int inspections,
        Double averageScore,
        int findingsRaised,
        int findingsClosed,
        int openFindings,
        int overdueFindings,
        int disclosureLapses,
        int commitmentLapses,
        int unitsKeepingCadence) {
}
