package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the commitment commands. */
public final class CommitmentRequests {

    private CommitmentRequests() {
    }

    /**
     * A new commitment. A service commitment names its department and category; a practical thing its organization.
     *
     * @param pledgedOn when it was made public; today when absent (earlier for commitments brought in from paper)
     */
    public record Pledge(
            @NotNull(message = "请选择承诺类型（SERVICE 公开服务承诺 / PRACTICAL_THING 为民办实事）") CommitmentKind kind,
            @NotBlank(message = "请填写承诺事项") @Size(max = 200, message = "承诺事项最多 200 字") String title,
            @Size(max = 4000, message = "说明最多 4000 字") String description,
            @Size(max = 40) String category,
            @Size(max = 32) String departmentCode,
            @Size(max = 32) String organizationCode,
            @NotBlank(message = "请填写责任人") @Size(max = 50, message = "责任人最多 50 字") String responsible,
            @DecimalMin(value = "0", inclusive = false, message = "目标数量须大于 0") BigDecimal targetQuantity,
            @Size(max = 20, message = "单位最多 20 字") String targetUnit,
            @Size(max = 20, message = "最多 20 个节点") List<@Valid MilestoneRequest> milestones,
            LocalDate pledgedOn,
            @NotNull(message = "请填写承诺完成时限") LocalDate dueDate) {
    }

    public record MilestoneRequest(
            @NotBlank(message = "请填写节点名称") @Size(max = 100, message = "节点名称最多 100 字") String title,
            LocalDate dueDate) {
    }

    /**
     * A progress report: a percentage and/or the quantity achieved. A decrease needs a reason.
     *
     * @param reportedOn the day the progress was seen; today when absent
     */
    public record Report(
            @Min(value = 0, message = "完成百分比须在 0 到 100 之间") @Max(value = 100, message = "完成百分比须在 0 到 100 之间")
            Integer percent,
            @DecimalMin(value = "0", message = "完成数量不能为负数") BigDecimal quantity,
            @Size(max = 2000, message = "进展说明最多 2000 字") String note,
            @Size(max = 2000, message = "理由最多 2000 字") String reason,
            @Size(max = 100) String milestoneReached,
            LocalDate reportedOn) {
    }

    /** Fulfilment with its evidence (an acceptance report, photos, a document number …). */
    public record Fulfil(
            @NotBlank(message = "请填写兑现的佐证材料") @Size(max = 2000, message = "佐证材料最多 2000 字") String evidence,
            LocalDate fulfilledOn) {
    }

    /** A withdrawal; the reason is public. */
    @Schema(name = "CommitmentWithdrawal")
    public record Withdraw(
            @NotBlank(message = "请填写撤回理由（将向社会公开）") @Size(max = 2000, message = "理由最多 2000 字") String reason) {
    }

    /**
     * A commitment kept on paper before the system, with its reports and then its fulfilment or withdrawal (not
     * both), recorded by the county office.
     */
    public record LedgerEntry(
            @NotNull(message = "请填写承诺") @Valid Pledge pledge,
            @Size(max = 50) List<@Valid Report> reports,
            @Valid Fulfil fulfilment,
            @Valid Withdraw withdrawal) {
    }
}
