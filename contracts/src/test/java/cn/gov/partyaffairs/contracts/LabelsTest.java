package cn.gov.partyaffairs.contracts;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcome;
import cn.gov.partyaffairs.contracts.supervision.FindingSeverity;
import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code of the contracts' vocabularies has a Chinese and an English name (the services test their own codes). */
class LabelsTest {

    @Test
    void everyEnumOfTheContractsHasBothNames() {
        List<String> missing = new ArrayList<>();
        missing.addAll(LabelsAssert.missing(Labels.COMMITMENT_KIND, CommitmentKind.class));
        missing.addAll(LabelsAssert.missing(Labels.RATING, CommitmentEvaluated.Rating.class));
        missing.addAll(LabelsAssert.missing(Labels.TASK, GuidanceTaskKind.class));
        missing.addAll(LabelsAssert.missing(Labels.SEVERITY, FindingSeverity.class));
        missing.addAll(LabelsAssert.missing(Labels.FINDING_SOURCE, FindingSource.class));
        missing.addAll(LabelsAssert.missing(Labels.STATUS, ComplianceOutcome.class));
        missing.addAll(LabelsAssert.missing(Labels.STEP_ALERT, cn.gov.partyaffairs.contracts.disclosure.StepEscalationLevel.class));
        missing.addAll(LabelsAssert.missing(Labels.STEP_ALERT, List.of("REMINDED")));
        // CatalogPublished's item timing, a string the catalog's records carry.
        missing.addAll(LabelsAssert.missing(Labels.TIMING, List.of("REGULAR", "EVENT")));
        assertEquals(List.of(), missing);
    }

    @Test
    void noLabelIsBlank() {
        for (Map.Entry<String, Map<String, Labels.Label>> vocabulary : Labels.all().entrySet()) {
            assertFalse(vocabulary.getValue().isEmpty(), vocabulary.getKey());
            vocabulary.getValue().forEach((code, label) -> {
                assertFalse(label.zh().isBlank(), vocabulary.getKey() + "." + code);
                assertFalse(label.en().isBlank(), vocabulary.getKey() + "." + code);
            });
        }
    }

    @Test
    void aCodeWithoutALabelShowsAsItself() {
        assertEquals(new Labels.Label("nowhere", "nowhere"), Labels.label(Labels.CHANNEL, "nowhere"));
        assertEquals("横幅", Labels.zh(Labels.CHANNEL, "banner"));
        assertTrue(Labels.find(Labels.ORGANIZATION_TYPE, "school").isPresent());
    }
}
