package cn.gov.partyaffairs.supervision.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the inspection commands. */
public final class InspectionRequests {

    private InspectionRequests() {
    }

    public record PlanRound(
            @NotBlank(message = "请填写督查轮次名称，例如“第一轮督查”") @Size(max = 100, message = "名称最多 100 字") String name,
            @NotNull(message = "请填写督查开始日期") LocalDate startsOn,
            @NotNull(message = "请填写督查结束日期") LocalDate endsOn,
            @NotEmpty(message = "请列出本轮督查的示范单位") @Size(max = 200, message = "一轮最多 200 个单位")
            List<@NotBlank(message = "单位代码不能为空") String> unitCodes) {
    }

    /**
     * One inspection: every checklist item scored once (see {@code GET /checklist}).
     *
     * @param inspectedOn the day of the visit; today when absent
     */
    public record Record(
            @NotBlank(message = "请填写被督查的示范单位代码") @Size(max = 32) String unitCode,
            LocalDate inspectedOn,
            @NotEmpty(message = "请填写督查人员") @Size(max = 20, message = "督查人员最多 20 人")
            List<@NotBlank(message = "督查人员姓名不能为空") @Size(max = 50, message = "姓名最多 50 字") String> inspectors,
            @NotEmpty(message = "请逐项打分") List<@NotNull @Valid ItemScore> scores,
            @Size(max = 4000, message = "督查意见最多 4000 字") String observations) {
    }

    public record ItemScore(
            @NotBlank(message = "请填写检查项目代码") String item,
            @NotNull(message = "请填写得分") Integer score,
            @Size(max = 1000, message = "说明最多 1000 字") String note) {
    }
}
