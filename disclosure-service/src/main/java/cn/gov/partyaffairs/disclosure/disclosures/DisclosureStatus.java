package cn.gov.partyaffairs.disclosure.disclosures;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a disclosure stands in the regulation's 提出 → 审核 → 审批 → 实施, and which action each state allows.
 * An action from any other state is refused with 409 naming the current state.
 */
public enum DisclosureStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交待审核"),
    RETURNED("已退回修改"),
    REVIEWED("已审核待审批"),
    APPROVED("已审批待公开"),
    PUBLISHED("已公开"),
    WITHDRAWN("已撤回");

    private final String label;

    DisclosureStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The workflow's actions, each with the states it may start from and the state it leads to. */
    public enum Action {
        EDIT("修改", EnumSet.of(DRAFT, RETURNED), null),
        SUBMIT("提交审核", EnumSet.of(DRAFT, RETURNED), SUBMITTED),
        REVIEW("审核通过", EnumSet.of(SUBMITTED), REVIEWED),
        RETURN("退回修改", EnumSet.of(SUBMITTED, REVIEWED), RETURNED),
        ESCALATE("报请上级审批", EnumSet.of(REVIEWED), null),
        APPROVE("审批通过", EnumSet.of(REVIEWED), APPROVED),
        PUBLISH("公开", EnumSet.of(APPROVED), PUBLISHED),
        CORRECT("更正", EnumSet.of(PUBLISHED), null),
        WITHDRAW("撤回", EnumSet.of(PUBLISHED), WITHDRAWN);

        private final String label;
        private final Set<DisclosureStatus> from;
        private final DisclosureStatus to;

        Action(String label, Set<DisclosureStatus> from, DisclosureStatus to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }

        public String label() {
            return label;
        }

        public boolean allowedFrom(DisclosureStatus status) {
            return from.contains(status);
        }

        /** The state after the action; actions that change content or authority keep the state. */
        public DisclosureStatus after(DisclosureStatus current) {
            return to == null ? current : to;
        }
    }
}
