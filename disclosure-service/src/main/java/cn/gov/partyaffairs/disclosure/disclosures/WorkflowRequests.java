package cn.gov.partyaffairs.disclosure.disclosures;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/** The bodies of the workflow's steps. */
public final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** 提出: the submitter attests that the disclosure contains no party secrets. */
    public record Submit(
            @NotNull(message = "请确认不涉及党内秘密") @AssertTrue(message = "提交前必须确认内容不涉及党内秘密")
            Boolean attestNoSecrets) {
    }

    /** 审核: the secrecy check first, then necessity and accuracy; all must pass, otherwise send it back. */
    public record Review(
            @NotNull(message = "请完成保密审查") @AssertTrue(message = "未通过保密审查的内容请退回修改") Boolean secrecyChecked,
            @NotNull(message = "请确认公开的必要性") @AssertTrue(message = "不必要公开的内容请退回修改") Boolean necessary,
            @NotNull(message = "请确认内容准确") @AssertTrue(message = "内容不准确请退回修改") Boolean accurate) {

        /** The checks the reviewer confirmed, in their order, as {@code DisclosureReviewed} records them. */
        public List<String> confirmedChecks() {
            List<String> checks = new ArrayList<>();
            if (Boolean.TRUE.equals(secrecyChecked)) {
                checks.add("SECRECY");
            }
            if (Boolean.TRUE.equals(necessary)) {
                checks.add("NECESSITY");
            }
            if (Boolean.TRUE.equals(accurate)) {
                checks.add("ACCURACY");
            }
            return List.copyOf(checks);
        }
    }

    /** A reason that stays in the history: sending back, escalating, withdrawing. */
    public record Reasoned(
            @NotBlank(message = "请填写理由") @Size(max = 2000, message = "理由最多 2000 字") String reason) {
    }

    /** 实施: the channels actually used. */
    public record Publish(@NotEmpty(message = "请填写实际使用的公开方式") List<@NotBlank String> channels) {
    }

    /** A correction of published content: the new content and why. */
    public record Correct(
            @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最多 200 字") String title,
            @NotBlank(message = "请填写公开内容") @Size(max = 20000, message = "公开内容最多 20000 字") String body,
            @NotBlank(message = "请填写更正理由") @Size(max = 2000, message = "理由最多 2000 字") String reason) {
    }
}
