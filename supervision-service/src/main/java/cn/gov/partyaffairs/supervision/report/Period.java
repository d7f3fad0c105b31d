package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.platform.error.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a month ({@code 2017-05}) or a quarter ({@code 2017-Q2}), both ends included.
 *
 * @param label how a report names it, e.g. 2017年5月, 2017年第二季度
 */
public record Period(String code, LocalDate start, LocalDate end, String label) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String[] QUARTER_NAMES = {"一", "二", "三", "四"};

    public static Period parse(String code) {
        String given = code == null ? "" : code.strip().toUpperCase();
        try {
            Matcher month = MONTH.matcher(given);
            if (month.matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
                return new Period(given, ym.atDay(1), ym.atEndOfMonth(), ym.getYear() + "年" + ym.getMonthValue() + "月");
            }
            Matcher quarter = QUARTER.matcher(given);
            if (quarter.matches()) {
                int year = Integer.parseInt(quarter.group(1));
                int q = Integer.parseInt(quarter.group(2));
                YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
                return new Period(given, first.atDay(1), first.plusMonths(2).atEndOfMonth(),
                        year + "年第" + QUARTER_NAMES[q - 1] + "季度");
            }
        } catch (DateTimeException e) {
            // falls through to the explanation below
        }
        throw ProblemException.invalid("period", "报告期写作 2017-05（月度）或 2017-Q2（季度）");
    }
}
