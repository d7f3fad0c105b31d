package cn.gov.partyaffairs.contracts.disclosure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The published rate: on time ÷ periods due; late and cured are late, exempted and not-yet-due periods do not count. */
class ComplianceRateTest {

    @Test
    void theIssuesFiguresGiveTheEnginesRate() {
        ComplianceRate rate = new ComplianceRate(1004, 232, 145, 0);
        assertEquals(1381, rate.periodsDue());
        assertEquals(0.727, rate.onTimeRate());
    }

    @Test
    void eachOutcomeFallsInItsBucket() {
        ComplianceRate rate = ComplianceRate.NONE
                .plus(ComplianceOutcome.KEPT, true)
                .plus(ComplianceOutcome.KEPT, false)      // kept early, not yet due: not counted yet
                .plus(ComplianceOutcome.LATE, true)
                .plus(ComplianceOutcome.CURED, true)
                .plus(ComplianceOutcome.MISSING, true)
                .plus(ComplianceOutcome.PENDING, false)
                .plus(ComplianceOutcome.EXEMPTED, true);
        assertEquals(new ComplianceRate(1, 2, 1, 1), rate);
        assertEquals(0.25, rate.onTimeRate());
        assertNull(ComplianceRate.NONE.onTimeRate());
    }
}
