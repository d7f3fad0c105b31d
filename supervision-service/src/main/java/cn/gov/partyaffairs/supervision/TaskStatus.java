package cn.gov.partyaffairs.supervision;

/** Where one of a unit's set-up tasks stands. */
public enum TaskStatus implements Labelled {
    NOT_STARTED("未开始"),
    IN_PROGRESS("推进中"),
    DONE("已完成");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
