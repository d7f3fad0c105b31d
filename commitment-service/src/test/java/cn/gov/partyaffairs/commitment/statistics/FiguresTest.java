package cn.gov.partyaffairs.commitment.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rates and the mean progress worked out of the sums, which add up over a subtree before any rate is taken. */
class FiguresTest {

    @Test
    void ratesAreTakenFromTheSumsOfTheWholeSubtree() {
        Figures.Tally village = tally(4, 2, 1, 1, 1, 1, 170, 2, 1, 0, 1);
        Figures.Tally township = tally(2, 0, 2, 0, 0, 0, 200, 0, 0, 3, 0);
        Figures.Tally both = new Figures.Tally();
        both.add(village);
        both.add(township);

        // Fulfilled on time 1 of 3; mean progress 370 / 6 = 61.67 %; satisfied and basically 3 of 6 evaluations.
        assertEquals(new Figures("T01", "镇", 6, 2, 3, 1, 0.3333, 1, 1, 61.7, 6, 2, 1, 3, 0.5, 1, 5),
                both.named("T01", "镇"));
        // Not the mean of the parts' rates (1.0 and 0.0 on time would give 0.5).
        assertEquals(1.0, village.named("V", "村").onTimeRate());
        assertEquals(0.0, township.named("T", "镇").onTimeRate());
    }

    @Test
    void withNothingToDivideThereIsNoRate() {
        Figures.Tally withdrawnOnly = tally(0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0);

        assertEquals(new Figures("X", "单位", 0, 0, 0, 0, null, 0, 2, null, 0, 0, 0, 0, null, 0, 0),
                withdrawnOnly.named("X", "单位"));
        assertFalse(withdrawnOnly.isEmpty());
        assertTrue(new Figures.Tally().isEmpty());
    }

    private static Figures.Tally tally(long pledged, long inProgress, long fulfilled, long fulfilledOnTime,
                                       long overdue, long withdrawn, long progressSum, long satisfied,
                                       long basicallySatisfied, long dissatisfied, long verified) {
        Figures.Tally t = new Figures.Tally();
        t.pledged = pledged;
        t.inProgress = inProgress;
        t.fulfilled = fulfilled;
        t.fulfilledOnTime = fulfilledOnTime;
        t.overdue = overdue;
        t.withdrawn = withdrawn;
        t.progressSum = progressSum;
        t.satisfied = satisfied;
        t.basicallySatisfied = basicallySatisfied;
        t.dissatisfied = dissatisfied;
        t.verified = verified;
        return t;
    }
}
