package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.cadence.CadenceCalendar;

import java.time.LocalDate;

/** Counting working days on the State Council's arrangements (holidays off, make-up weekends worked). */
final class WorkingDays {

    private final CadenceCalendar calendar;

    WorkingDays(CadenceCalendar calendar) {
        this.calendar = calendar;
    }

    /** The {@code n}-th working day after {@code from} (from itself not counted); {@code from} when n is 0. */
    LocalDate after(LocalDate from, int n) {
        LocalDate day = from;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The last working day before {@code day}, but never before {@code floor}. */
    LocalDate before(LocalDate day, LocalDate floor) {
        LocalDate d = day.minusDays(1);
        while (d.isAfter(floor) && !calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d.isBefore(floor) ? floor : d;
    }
}
