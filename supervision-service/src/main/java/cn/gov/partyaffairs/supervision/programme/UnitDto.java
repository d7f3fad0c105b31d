package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A demonstration unit as officials read it: its expected cadence, the group responsible for it now, its set-up
 * tasks, and (on a single one) every group that was ever responsible, oldest first.
 */
public record UnitDto(
        UUID id,
        String code,
        String name,
        String type,
        String typeLabel,
        int cadenceMonths,
        UnitStatus status,
        String statusLabel,
        LocalDate designatedOn,
        LocalDate withdrawnOn,
        String withdrawReason,
        String groupCode,
        String groupName,
        List<TaskDto> tasks,
        List<AssignmentDto> assignments,
        long version) {

    public record TaskDto(GuidanceTaskKind task, String label, TaskStatus status, String statusLabel, LocalDate on,
                          String note, String updatedBy) {
    }

    public record AssignmentDto(String groupCode, String groupName, LocalDate from, LocalDate until, String reason,
                                String assignedBy) {
        static AssignmentDto of(GroupAssignment a, SupervisionNames names) {
            return new AssignmentDto(a.groupCode, names.group(a.groupCode), a.assignedFrom, a.assignedUntil, a.reason,
                    a.assignedBy);
        }
    }

    public static UnitDto of(DemonstrationUnit u, String typeLabel, String groupCode, SupervisionNames names,
                             List<GroupAssignment> history) {
        List<TaskDto> tasks = Arrays.stream(GuidanceTaskKind.values()).map(kind -> {
            GuidanceTask t = u.tasks.get(kind);
            return new TaskDto(kind, Labels.zh(Labels.TASK, kind), t.status, t.status.label(), t.statusOn, t.note, t.updatedBy);
        }).toList();
        String name = names.organization(u.organizationCode);
        return new UnitDto(u.id, u.organizationCode, name.equals(u.organizationCode) ? u.organizationName : name,
                u.organizationType, typeLabel, u.cadenceMonths, u.status, u.status.label(), u.designatedOn,
                u.withdrawnOn, u.withdrawReason, groupCode, names.group(groupCode), tasks,
                history == null ? null : history.stream().map(a -> AssignmentDto.of(a, names)).toList(), u.version);
    }
}
