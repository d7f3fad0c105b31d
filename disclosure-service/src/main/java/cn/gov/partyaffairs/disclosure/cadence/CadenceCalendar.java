package cn.gov.partyaffairs.disclosure.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Periods and due dates. Periods are calendar-aligned blocks of {@code cadenceMonths} months counted from January
 * (two-monthly: Jan–Feb, Mar–Apr, …); a period's disclosure is due a number of working days after its last day,
 * counted on the State Council's holiday arrangements ({@link HolidayCalendar}).
 */
public final class CadenceCalendar {

    private final int graceWorkingDays;
    private final HolidayCalendar holidays;

    public CadenceCalendar(int graceWorkingDays, HolidayCalendar holidays) {
        this.graceWorkingDays = graceWorkingDays;
        this.holidays = holidays;
    }

    /** Holidays of their own on top of weekends, with no make-up days: for tests of the counting alone. */
    public CadenceCalendar(int graceWorkingDays, Set<LocalDate> holidays) {
        this(graceWorkingDays, new HolidayCalendar(holidays.stream().collect(
                java.util.stream.Collectors.toMap(d -> d, d -> false)), Set.of()));
    }

    public record Period(LocalDate start, LocalDate end) {
    }

    public static Period periodContaining(LocalDate date, int cadenceMonths) {
        int block = (date.getMonthValue() - 1) / cadenceMonths;
        LocalDate start = LocalDate.of(date.getYear(), block * cadenceMonths + 1, 1);
        LocalDate end = start.plusMonths(cadenceMonths).minusDays(1);
        return new Period(start, end);
    }

    /** Every period from the one containing {@code from} to the one containing {@code to}, oldest first. */
    public static List<Period> periods(LocalDate from, LocalDate to, int cadenceMonths) {
        List<Period> periods = new ArrayList<>();
        for (Period p = periodContaining(from, cadenceMonths); !p.start().isAfter(to);
             p = periodContaining(p.end().plusDays(1), cadenceMonths)) {
            periods.add(p);
        }
        return periods;
    }

    public LocalDate dueDate(Period period) {
        LocalDate due = period.end();
        int remaining = graceWorkingDays;
        while (remaining > 0 || !isWorkingDay(due)) {
            due = due.plusDays(1);
            if (isWorkingDay(due)) {
                remaining--;
            }
        }
        return due;
    }

    public boolean isWorkingDay(LocalDate date) {
        return holidays.isWorkingDay(date);
    }

    /** Whether the due date was counted over a year that has no arrangement yet (weekends alone). */
    public boolean provisional(Period period) {
        LocalDate due = dueDate(period);
        for (int year = period.end().getYear(); year <= due.getYear(); year++) {
            if (!holidays.hasArrangement(year)) {
                return true;
            }
        }
        return false;
    }
}
