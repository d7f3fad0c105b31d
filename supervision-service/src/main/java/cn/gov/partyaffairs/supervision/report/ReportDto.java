package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.contracts.supervision.ProgressFigures;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A progress report as officials read it: its totals, one row of figures per unit, and its text. */
public record ReportDto(UUID id, String groupCode, String groupName, String period, String periodLabel,
                        LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, ReportStatus status,
                        String statusLabel, ProgressFigures figures, List<ReportFigures.UnitFigures> units,
                        String summary, String nextSteps, String generatedBy, OffsetDateTime generatedAt,
                        String filedBy, OffsetDateTime filedAt, long version) {

    static ReportDto of(ProgressReport r, ReportFigures figures, SupervisionNames names) {
        return new ReportDto(r.id, r.groupCode, names.group(r.groupCode), r.period, Period.parse(r.period).label(),
                r.periodStart, r.periodEnd, figures.asOf(), r.status, r.status.label(), figures.totals(),
                figures.units(), r.summary, r.nextSteps, r.generatedBy, r.generatedAt, r.filedBy, r.filedAt, r.version);
    }
}
