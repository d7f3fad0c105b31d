package cn.gov.partyaffairs.supervision.config;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.supervision.programme.TaskStatus;
import cn.gov.partyaffairs.supervision.finding.FindingStatus;
import cn.gov.partyaffairs.supervision.finding.FindingStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static cn.gov.partyaffairs.contracts.LabelsAssert.configuredCodes;
import static cn.gov.partyaffairs.contracts.LabelsAssert.missing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every unit type the service accepts, and every state it names, has a Chinese and an English name. */
class LabelsInUseTest {

    @Test
    void everyCodeTheServiceAcceptsHasAChineseAndAnEnglishName() {
        Set<String> unitTypes = configuredCodes("application.properties", "supervision.unit-types.");
        assertFalse(unitTypes.isEmpty());
        List<String> missing = new ArrayList<>(missing(Labels.ORGANIZATION_TYPE, unitTypes));
        missing.addAll(missing(Labels.TASK_STATUS, TaskStatus.class));
        missing.addAll(missing(Labels.FINDING_STATUS, FindingStatus.class));
        missing.addAll(missing(Labels.FINDING_STEP, FindingStep.Action.class));
        assertEquals(List.of(), missing);
    }
}
