package cn.gov.partyaffairs.disclosure.config;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.disclosure.catalog.Scope;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.gov.partyaffairs.contracts.LabelsAssert.configuredCodes;
import static cn.gov.partyaffairs.contracts.LabelsAssert.missing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every organization type, channel and outlet the service accepts, and every state it names, has both names. */
class LabelsInUseTest {

    private static final String PROPERTIES = "application.properties";

    @Test
    void everyCodeTheServiceAcceptsHasAChineseAndAnEnglishName() {
        List<String> missing = new ArrayList<>();
        for (String[] vocabulary : new String[][] {
                {Labels.ORGANIZATION_TYPE, "disclosure.organization-types."},
                {Labels.CHANNEL, "disclosure.channels."},
                {Labels.OUTLET, "disclosure.outlets."}}) {
            var codes = configuredCodes(PROPERTIES, vocabulary[1]);
            assertFalse(codes.isEmpty(), vocabulary[1]);
            missing.addAll(missing(vocabulary[0], codes));
        }
        missing.addAll(missing(Labels.OUTLET_LEVEL, DisclosureConfig.OutletLevel.class));
        missing.addAll(missing(Labels.SCOPE, Scope.class));
        missing.addAll(missing(Labels.STATUS, DisclosureStatus.class));
        assertEquals(List.of(), missing);
    }
}
