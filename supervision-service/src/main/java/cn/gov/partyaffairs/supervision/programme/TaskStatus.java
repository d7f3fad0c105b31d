package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.supervision.Labelled;

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
