package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.supervision.Labelled;

/** A round takes inspections while planned; closed, it takes no more. */
public enum RoundStatus implements Labelled {
    PLANNED("进行中"),
    CLOSED("已结束");

    private final String label;

    RoundStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
