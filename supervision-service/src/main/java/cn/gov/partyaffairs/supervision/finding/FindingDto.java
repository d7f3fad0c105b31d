package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.supervision.FindingSeverity;
import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A finding as officials read it; {@code history} (every step, oldest first) only on a single one. */
public record FindingDto(
        UUID id,
        String unitCode,
        String unitName,
        FindingSource source,
        UUID inspectionId,
        UUID lapseId,
        String description,
        FindingSeverity severity,
        String severityLabel,
        String responsible,
        LocalDate raisedOn,
        LocalDate deadline,
        FindingStatus status,
        String statusLabel,
        boolean overdue,
        OffsetDateTime overdueSince,
        String evidence,
        LocalDate closedOn,
        String raisedBy,
        long version,
        List<StepDto> history) {

    public record StepDto(int seq, FindingStep.Action action, String actionLabel, FindingStatus status,
                          LocalDate deadline, LocalDate on, String note, String actor, OffsetDateTime at) {
        static StepDto of(FindingStep s) {
            return new StepDto(s.seq, s.action, s.action.label(), s.status, s.deadline, s.happenedOn, s.note, s.actor,
                    s.at);
        }
    }

    public static String severityLabel(FindingSeverity severity) {
        return Labels.zh(Labels.SEVERITY, severity);
    }

    public static FindingDto of(Finding f, SupervisionNames names, List<FindingStep> history) {
        return new FindingDto(f.id, f.unitCode, names.organization(f.unitCode), f.source, f.inspectionId, f.lapseId,
                f.description, f.severity, severityLabel(f.severity), f.responsible, f.raisedOn, f.deadline, f.status,
                f.status.label(), f.isOverdue(), f.overdueSince, f.evidence, f.closedOn, f.raisedBy, f.version,
                history == null ? null : history.stream().map(StepDto::of).toList());
    }
}
