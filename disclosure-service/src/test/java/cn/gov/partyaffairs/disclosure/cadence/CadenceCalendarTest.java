package cn.gov.partyaffairs.disclosure.cadence;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CadenceCalendarTest {

    @Test
    void monthlyAndTwoMonthlyPeriodsAreCalendarBlocks() {
        assertEquals(new CadenceCalendar.Period(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31)),
                CadenceCalendar.periodContaining(LocalDate.of(2017, 3, 15), 1));
        assertEquals(new CadenceCalendar.Period(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 4, 30)),
                CadenceCalendar.periodContaining(LocalDate.of(2017, 4, 30), 2));
        assertEquals(new CadenceCalendar.Period(LocalDate.of(2017, 11, 1), LocalDate.of(2017, 12, 31)),
                CadenceCalendar.periodContaining(LocalDate.of(2017, 11, 1), 2));
        assertEquals(6, CadenceCalendar.periods(LocalDate.of(2017, 1, 20), LocalDate.of(2017, 12, 1), 2).size());
        assertEquals(12, CadenceCalendar.periods(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31), 1).size());
    }

    @Test
    void dueDatesCountWorkingDaysSkippingWeekendsAndHolidays() {
        CadenceCalendar calendar = new CadenceCalendar(5, Set.of());
        // March 2017 ends on a Friday: Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 April.
        assertEquals(LocalDate.of(2017, 4, 7), calendar.dueDate(CadenceCalendar.periodContaining(LocalDate.of(2017, 3, 1), 1)));
        CadenceCalendar withHolidays = new CadenceCalendar(5, Set.of(LocalDate.of(2017, 4, 4), LocalDate.of(2017, 4, 5)));
        assertEquals(LocalDate.of(2017, 4, 11), withHolidays.dueDate(CadenceCalendar.periodContaining(LocalDate.of(2017, 3, 1), 1)));
        // With no grace a period ending on a Sunday is due on the Monday.
        assertEquals(LocalDate.of(2017, 5, 1), new CadenceCalendar(0, Set.of())
                .dueDate(CadenceCalendar.periodContaining(LocalDate.of(2017, 4, 1), 1)));
    }
}
