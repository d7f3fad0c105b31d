package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.supervision.Labelled;

/** A demonstration unit is designated, or its designation was withdrawn (it may be designated again). */
public enum UnitStatus implements Labelled {
    DESIGNATED("示范单位"),
    WITHDRAWN("已撤销示范");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
