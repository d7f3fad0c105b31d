package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;

/** The Chinese names of the set-up tasks, as the county's report words them. */
public final class TaskLabels {

    private TaskLabels() {
    }

    public static String of(GuidanceTaskKind kind) {
        return switch (kind) {
            case IMPLEMENTATION_RULES -> "制定实施细则";
            case CONTENT_CATALOG -> "确定公开内容和目录";
            case DISCLOSURE_METHODS -> "建立公开方式";
            case MATERIALS_LEDGERS -> "资料台账完整";
        };
    }
}
