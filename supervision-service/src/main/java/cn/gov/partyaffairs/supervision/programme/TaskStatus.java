package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.contracts.Labels;

/** Where one of a unit's set-up tasks stands. */
public enum TaskStatus implements Labelled {
    NOT_STARTED,
    IN_PROGRESS,
    DONE;

    @Override
    public String label() {
        return Labels.zh(Labels.TASK_STATUS, name());
    }
}
