package cn.gov.partyaffairs.gateway.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each action is called, in Chinese and English: every event type of the suite (by its short name) and the
 * gateway's own commands. The audit view's filter lists them; the CSV names them in Chinese.
 */
public final class AuditActions {

    public record Label(String zh, String en) {
    }

    public static final String WEBHOOK_SUBSCRIBED = "WebhookSubscribed";
    public static final String WEBHOOK_PAUSED = "WebhookPaused";
    public static final String WEBHOOK_RESUMED = "WebhookResumed";
    public static final String WEBHOOK_REPLAYED = "WebhookReplayed";
    public static final String WEBHOOK_DELETED = "WebhookDeleted";
    public static final String RANGE_ALLOWED = "WebhookRangeAllowed";
    public static final String RANGE_WITHDRAWN = "WebhookRangeWithdrawn";
    public static final String READ_MODELS_REBUILT = "ReadModelsRebuilt";
    public static final String DEAD_LETTER_REPLAYED = "DeadLetterReplayed";

    private static final Map<String, Label> LABELS = new LinkedHashMap<>();

    static {
        // disclosure service
        put("OrganizationRegistered", "登记党组织", "registered an organization");
        put("OrganizationUpdated", "修改党组织信息", "updated an organization");
        put("OrganizationDeactivated", "停用党组织", "deactivated an organization");
        put("ContentListSettled", "确定公开内容和目录", "settled a content list");
        put("CatalogPublished", "发布公开目录", "published the catalog");
        put("DisclosureDrafted", "起草公开事项", "drafted a disclosure");
        put("DisclosureDraftEdited", "修改草稿", "edited a draft");
        put("DisclosureSubmitted", "提交审核", "submitted for review");
        put("DisclosureReviewed", "审核通过", "reviewed");
        put("DisclosureReturned", "退回修改", "sent back");
        put("DisclosureEscalated", "报请上级审批", "escalated");
        put("DisclosureApproved", "审批通过", "approved");
        put("DisclosurePublished", "公开发布", "published");
        put("DisclosureCorrected", "更正已公开内容", "corrected");
        put("DisclosureWithdrawn", "撤回公开事项", "withdrew a disclosure");
        put("DisclosureDueSoon", "公开期限将至", "period due soon");
        put("DisclosureOverdue", "逾期未公开", "period missed");
        put("DisclosureLapseCured", "补公开", "lapse cured");
        put("ComplianceOutcomeRecorded", "记录公开期次结果", "recorded a period's outcome");
        put("CommentSubmitted", "提交评论", "commented");
        put("CommentApproved", "评论审核通过", "approved a comment");
        put("CommentRejected", "评论不予显示", "rejected a comment");
        put("MediaSubmissionRecorded", "登记信息报送", "recorded a media submission");
        put("MediaSubmissionAdopted", "登记媒体采用", "recorded an adoption");
        // commitment service
        put("DepartmentRegistered", "登记承诺部门", "registered a department");
        put("CommitmentPledged", "作出承诺", "pledged");
        put("CommitmentProgressReported", "报告承诺进展", "reported progress");
        put("CommitmentFulfilled", "承诺兑现", "fulfilled");
        put("CommitmentWithdrawn", "撤回承诺", "withdrew a commitment");
        put("CommitmentOverdue", "承诺逾期", "commitment overdue");
        put("CommitmentMilestoneMissed", "节点逾期未达成", "milestone missed");
        put("CommitmentEvaluated", "群众评议", "evaluated");
        put("CommitmentEvaluationRevised", "群众修改评议", "revised an evaluation");
        put("EvaluationCommentApproved", "评议留言审核通过", "approved an evaluation comment");
        put("EvaluationCommentRejected", "评议留言不予显示", "rejected an evaluation comment");
        // supervision service
        put("DemonstrationUnitDesignated", "确定示范单位", "designated a unit");
        put("DemonstrationUnitWithdrawn", "撤销示范单位", "withdrew a unit");
        put("GuidanceGroupFormed", "成立督促指导小组", "formed a group");
        put("GuidanceGroupMembersChanged", "调整指导小组成员", "changed a group's members");
        put("UnitAssignedToGroup", "指定联系指导小组", "assigned a unit");
        put("GuidanceTaskUpdated", "更新指导任务", "updated a task");
        put("InspectionRoundPlanned", "安排检查轮次", "planned a round");
        put("InspectionRoundClosed", "结束检查轮次", "closed a round");
        put("InspectionRecorded", "记录检查", "recorded an inspection");
        put("FindingRaised", "提出问题", "raised a finding");
        put("RectificationReported", "报告整改", "reported rectification");
        put("RectificationVerified", "验收整改", "verified rectification");
        put("FindingReopened", "重新整改", "reopened a finding");
        put("RectificationOverdue", "整改逾期", "rectification overdue");
        put("FindingResolved", "问题自动销号", "finding resolved");
        put("GoodPracticeWrittenUp", "总结经验做法", "wrote up a good practice");
        put("GoodPracticeRevised", "修改经验做法", "revised a good practice");
        put("ProgressReportGenerated", "生成进展报告", "generated a report");
        put("ProgressReportEdited", "修改进展报告", "edited a report");
        put("ProgressReportFiled", "报送进展报告", "filed a report");
        // the gateway's own
        put(WEBHOOK_SUBSCRIBED, "订阅推送", "subscribed a webhook");
        put(WEBHOOK_PAUSED, "暂停推送", "paused a webhook");
        put(WEBHOOK_RESUMED, "恢复推送", "resumed a webhook");
        put(WEBHOOK_REPLAYED, "重新推送", "replayed a webhook");
        put(WEBHOOK_DELETED, "删除推送订阅", "deleted a webhook");
        put(RANGE_ALLOWED, "允许推送内网地址段", "allowed an address range");
        put(RANGE_WITHDRAWN, "撤销推送内网地址段", "withdrew an address range");
        put(READ_MODELS_REBUILT, "重建读模型", "rebuilt the read models");
        put(DEAD_LETTER_REPLAYED, "重新投递死信", "replayed a dead letter");
    }

    private AuditActions() {
    }

    private static void put(String action, String zh, String en) {
        LABELS.put(action, new Label(zh, en));
    }

    /** Every action, in the order above. */
    public static Map<String, Label> all() {
        return LABELS;
    }

    /** The action's label; an action from a newer producer is shown by its name. */
    public static Label of(String action) {
        return LABELS.getOrDefault(action, new Label(action, action));
    }

    /** {@code cn.gov.partyaffairs.disclosure.DisclosurePublished.v1} → {@code DisclosurePublished}. */
    public static String ofEventType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
