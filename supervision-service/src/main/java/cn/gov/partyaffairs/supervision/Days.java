package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.platform.error.ProblemException;

import java.time.LocalDate;

/** The checks every dated step shares: a step happens on a day that has come, and not before the step it follows. */
public final class Days {

    private Days() {
    }

    /** The day given, or today when absent; never after today. */
    public static LocalDate onOrToday(LocalDate given, LocalDate today, String field, String what) {
        LocalDate day = given != null ? given : today;
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, what + "不能晚于今天（" + today + "）");
        }
        return day;
    }

    public static void notBefore(LocalDate day, LocalDate earliest, String field, String what, String earlierWhat) {
        if (day.isBefore(earliest)) {
            throw ProblemException.invalid(field, what + "（" + day + "）不能早于" + earlierWhat + "（" + earliest + "）");
        }
    }
}
