package cn.gov.partyaffairs.supervision.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the programme's commands: units, groups, assignments, set-up tasks. */
public final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    /** @param designatedOn the day it was named; today when absent (earlier for a programme brought in from paper) */
    public record Designate(
            @NotBlank(message = "请填写党组织代码，例如 YP-V001") @Size(max = 32) String organizationCode,
            LocalDate designatedOn) {
    }

    @Schema(name = "UnitWithdrawal")
    public record Withdraw(
            @NotBlank(message = "请填写撤销示范单位的理由") @Size(max = 2000, message = "理由最多 2000 字") String reason,
            LocalDate withdrawnOn) {
    }

    /** @param from the day the group takes over; today when absent */
    public record Assign(
            @NotBlank(message = "请填写督促指导小组代码，例如 YP-G01") @Size(max = 32) String groupCode,
            LocalDate from,
            @Size(max = 2000, message = "说明最多 2000 字") String reason) {
    }

    public record Member(
            @NotBlank(message = "请填写成员姓名") @Size(max = 50, message = "姓名最多 50 字") String name,
            @NotBlank(message = "请填写成员职务") @Size(max = 100, message = "职务最多 100 字") String position,
            @Size(max = 100, message = "联系方式最多 100 字") String contact) {
    }

    public record FormGroup(
            @NotBlank(message = "请填写小组代码，例如 YP-G01") @Size(max = 32, message = "小组代码最多 32 个字符") String code,
            @NotBlank(message = "请填写小组名称") @Size(max = 100, message = "小组名称最多 100 字") String name,
            @NotEmpty(message = "请至少填写一名小组成员") @Size(max = 30, message = "小组成员最多 30 人")
            List<@NotNull @Valid Member> members) {
    }

    public record ChangeMembers(
            @NotEmpty(message = "请至少填写一名小组成员") @Size(max = 30, message = "小组成员最多 30 人")
            List<@NotNull @Valid Member> members) {
    }

    /** @param on the day the task reached the status; today when absent */
    public record UpdateTask(
            @NotNull(message = "请选择任务状态：NOT_STARTED 未开始 / IN_PROGRESS 推进中 / DONE 已完成") TaskStatus status,
            LocalDate on,
            @Size(max = 2000, message = "说明最多 2000 字") String note) {
    }
}
