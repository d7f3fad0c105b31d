package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.cadence.CadenceCalendar;
import cn.gov.partyaffairs.disclosure.cadence.HolidayCalendar;
import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A step's dates on the 2026 National Day arrangement: 1–7 October off, Sunday 20 September and Saturday 10 October worked. */
class StepLimitTest {

    private static final WorkingDays DAYS;

    static {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (LocalDate d = LocalDate.parse("2026-10-01"); !d.isAfter(LocalDate.parse("2026-10-07")); d = d.plusDays(1)) {
            days.put(d, false);
        }
        days.put(LocalDate.parse("2026-09-20"), true);
        days.put(LocalDate.parse("2026-10-10"), true);
        DAYS = new WorkingDays(new CadenceCalendar(5, new HolidayCalendar(days, Set.of(2026))));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theNationalDayWeekDoesNotCountAndTheMakeUpSaturdayDoes() {
        // Submitted on Tuesday 29 September: 30 September, then 8 and 9 October.
        StepLimit limit = StepLimit.of(DisclosureStatus.SUBMITTED, d("2026-09-29"), 3, 3, DAYS);
        assertEquals(d("2026-10-09"), limit.limitDate());
        assertEquals(d("2026-10-08"), limit.remindOn(), "one working day before the limit, after the holiday");
        // Second limit: Saturday 10 October (调休上班), Monday 12, Tuesday 13.
        assertEquals(d("2026-10-13"), limit.countyLimitDate());

        assertFalse(limit.remindDue(d("2026-10-07")), "a holiday is no working day before the limit");
        assertTrue(limit.remindDue(d("2026-10-08")));
        assertFalse(limit.parentDue(d("2026-10-09")));
        assertTrue(limit.parentDue(d("2026-10-10")));
        assertFalse(limit.countyDue(d("2026-10-13")));
        assertTrue(limit.countyDue(d("2026-10-14")));
    }

    @Test
    void aOneDayLimitOverAWeekendRemindsOnTheDayItBegan() {
        // Entered on Friday 11 September 2026: the limit is Monday 14, the reminder that Friday.
        StepLimit limit = StepLimit.of(DisclosureStatus.APPROVED, d("2026-09-11"), 1, 3, DAYS);
        assertEquals(d("2026-09-14"), limit.limitDate());
        assertEquals(d("2026-09-11"), limit.remindOn());
        // A make-up Sunday counts: entered on Saturday 19 September, one working day is Sunday 20.
        assertEquals(d("2026-09-20"), StepLimit.of(DisclosureStatus.APPROVED, d("2026-09-19"), 1, 3, DAYS).limitDate());
    }
}
