package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The State Council's holiday arrangements as the county keeps them: versioned data (V31 brings 2024–2026), extended
 * for a new year by the county admin when the notice comes out. Read on every cadence round (a hundred rows).
 */
@ApplicationScoped
public class HolidayArrangements {

    private final EntityManager em;
    private final int graceWorkingDays;

    public HolidayArrangements(EntityManager em, DisclosureConfig config) {
        this.em = em;
        this.graceWorkingDays = config.cadence().graceWorkingDays();
    }

    public record Day(LocalDate date, String name) {
    }

    public record Arrangement(int year, String notice, List<Day> holidays, List<Day> workdays,
                              OffsetDateTime recordedAt, String recordedBy) {
    }

    /** The cadence calendar on the arrangements recorded now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CadenceCalendar cadence() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT day, kind FROM calendar_day").getResultList();
        for (Object[] row : rows) {
            days.put(toDate(row[0]), "WORKDAY".equals(row[1]));
        }
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("SELECT year FROM holiday_arrangement").getResultList();
        Set<Integer> arranged = new HashSet<>();
        years.forEach(y -> arranged.add(y.intValue()));
        return new CadenceCalendar(graceWorkingDays, new HolidayCalendar(days, arranged));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Arrangement> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> heads = em.createNativeQuery(
                "SELECT year, notice, recorded_at, recorded_by FROM holiday_arrangement ORDER BY year").getResultList();
        Map<Integer, List<Day>> holidays = new LinkedHashMap<>();
        Map<Integer, List<Day>> workdays = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> days = em.createNativeQuery("SELECT year, day, kind, name FROM calendar_day ORDER BY day")
                .getResultList();
        for (Object[] d : days) {
            int year = ((Number) d[0]).intValue();
            (("WORKDAY".equals(d[2])) ? workdays : holidays).computeIfAbsent(year, y -> new ArrayList<>())
                    .add(new Day(toDate(d[1]), (String) d[3]));
        }
        List<Arrangement> all = new ArrayList<>();
        for (Object[] h : heads) {
            int year = ((Number) h[0]).intValue();
            all.add(new Arrangement(year, (String) h[1], holidays.getOrDefault(year, List.of()),
                    workdays.getOrDefault(year, List.of()), toTime(h[2]), (String) h[3]));
        }
        return all;
    }

    public Optional<Arrangement> year(int year) {
        return all().stream().filter(a -> a.year() == year).findFirst();
    }

    /**
     * Records (or replaces) one year's arrangement. Every day must lie in that year; a make-up working day falls on
     * a weekend, a holiday is not also a working day.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(int year, String notice, List<Day> holidays, List<Day> workdays, String by) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            LocalDate date = holidays.get(i).date();
            if (date.getYear() != year) {
                throw ProblemException.invalid("holidays[" + i + "].date", "放假日期 " + date + " 不在 " + year + " 年内");
            }
            if (!seen.add(date)) {
                throw ProblemException.invalid("holidays[" + i + "].date", "放假日期 " + date + " 重复");
            }
        }
        for (int i = 0; i < workdays.size(); i++) {
            LocalDate date = workdays.get(i).date();
            if (date.getYear() != year) {
                throw ProblemException.invalid("workdays[" + i + "].date", "调休上班日期 " + date + " 不在 " + year + " 年内");
            }
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw ProblemException.invalid("workdays[" + i + "].date", "调休上班日期 " + date + " 不是周六或周日");
            }
            if (!seen.add(date)) {
                throw ProblemException.invalid("workdays[" + i + "].date", "日期 " + date + " 已列为放假日");
            }
        }
        em.createNativeQuery("DELETE FROM holiday_arrangement WHERE year = ?1").setParameter(1, year).executeUpdate();
        em.createNativeQuery("INSERT INTO holiday_arrangement (year, notice, recorded_by) VALUES (?1, ?2, ?3)")
                .setParameter(1, year).setParameter(2, notice).setParameter(3, by).executeUpdate();
        for (Day d : holidays) {
            insert(year, d, "HOLIDAY");
        }
        for (Day d : workdays) {
            insert(year, d, "WORKDAY");
        }
    }

    /** The years whose due dates were counted on weekends alone: the county admin must record their arrangement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> yearsWithoutArrangement(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Number> provisional = em.createNativeQuery("""
                SELECT DISTINCT CAST(extract(year FROM due_date) AS integer) FROM disclosure_obligation
                WHERE due_date_provisional AND CAST(extract(year FROM due_date) AS integer) NOT IN
                    (SELECT year FROM holiday_arrangement)
                UNION SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM holiday_arrangement WHERE year = ?1)
                ORDER BY 1""").setParameter(1, today.getYear()).getResultList();
        return provisional.stream().map(Number::intValue).toList();
    }

    private void insert(int year, Day day, String kind) {
        em.createNativeQuery("INSERT INTO calendar_day (day, year, kind, name) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, day.date()).setParameter(2, year).setParameter(3, kind)
                .setParameter(4, day.name() == null || day.name().isBlank() ? ("WORKDAY".equals(kind) ? "调休上班" : "放假") : day.name())
                .executeUpdate();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
