package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.supervision.Labelled;

/** A progress report is a draft the group may edit and regenerate until it files it; filed, it never changes. */
public enum ReportStatus implements Labelled {
    DRAFT("草稿"),
    FILED("已报送");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
