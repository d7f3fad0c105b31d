package cn.gov.partyaffairs.gateway.report;

import java.util.Map;

/** Organization types by their Chinese names (as js/common.js's LABELS.orgType). */
final class ReportLabels {

    private static final Map<String, String> TYPES = Map.of("county-committee", "县委",
            "township-committee", "乡镇党委", "county-level", "县直属党组织", "school", "学校党组织",
            "enterprise", "非公企业党组织", "village-branch", "农村党支部", "community-branch", "社区党支部");

    static String organizationType(String type) {
        return TYPES.getOrDefault(type, type);
    }

    private ReportLabels() {
    }
}
