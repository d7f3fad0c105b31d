package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.supervision.FindingSeverity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** The bodies of the finding commands. */
public final class FindingRequests {

    private FindingRequests() {
    }

    /**
     * A finding a group records, from an inspection ({@code inspectionId}) or while guiding the unit.
     *
     * @param raisedOn the day it was found; the inspection's day or today when absent
     */
    public record Raise(
            @NotBlank(message = "请填写示范单位代码") @Size(max = 32) String unitCode,
            UUID inspectionId,
            @NotBlank(message = "请描述发现的问题") @Size(max = 2000, message = "问题描述最多 2000 字") String description,
            @NotNull(message = "请选择问题程度：MINOR 一般 / MAJOR 较重 / SERIOUS 严重") FindingSeverity severity,
            @NotBlank(message = "请填写整改责任人") @Size(max = 50, message = "责任人最多 50 字") String responsible,
            @NotNull(message = "请填写整改期限") LocalDate deadline,
            LocalDate raisedOn) {
    }

    /** The unit's report that it rectified the finding, with the evidence (photos, minutes, a document number …). */
    public record ReportRectification(
            @NotBlank(message = "请填写整改佐证材料") @Size(max = 4000, message = "佐证材料最多 4000 字") String evidence,
            LocalDate reportedOn) {
    }

    public record Verify(
            @Size(max = 2000, message = "验收意见最多 2000 字") String note,
            LocalDate verifiedOn) {
    }

    /** The group does not accept the rectification: why, and by when it must be done now. */
    public record Reopen(
            @NotBlank(message = "请说明退回重新整改的理由") @Size(max = 2000, message = "理由最多 2000 字") String reason,
            @NotNull(message = "请填写新的整改期限") LocalDate newDeadline,
            LocalDate reopenedOn) {
    }
}
