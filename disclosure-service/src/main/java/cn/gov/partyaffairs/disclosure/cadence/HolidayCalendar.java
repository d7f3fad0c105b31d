package cn.gov.partyaffairs.disclosure.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The working days the State Council's arrangements make: in a year with an arrangement a holiday is off (even on a
 * weekday) and a make-up working day (调休上班) is worked (even on a weekend); in a year without one, weekends alone
 * are off, and what is computed on it is provisional.
 *
 * @param days  per date of an arranged year: true for a make-up working day, false for a holiday
 * @param years the years with an arrangement
 */
public record HolidayCalendar(Map<LocalDate, Boolean> days, Set<Integer> years) {

    public static final HolidayCalendar WEEKENDS_ONLY = new HolidayCalendar(Map.of(), Set.of());

    public HolidayCalendar {
        days = Map.copyOf(days);
        years = Set.copyOf(years);
    }

    public boolean isWorkingDay(LocalDate date) {
        Boolean arranged = days.get(date);
        if (arranged != null) {
            return arranged;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public boolean hasArrangement(int year) {
        return years.contains(year);
    }
}
