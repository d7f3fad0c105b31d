package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus;

import java.time.LocalDate;

/**
 * One waiting step's dates: entered on {@code enteredOn}, limited to {@code workingDays} working days, ending on
 * {@code limitDate}; the holder is reminded from {@code remindOn} (the working day before the limit), the parent
 * organization told once the limit has passed, the county office once {@code countyLimitDate} has passed.
 */
record StepLimit(DisclosureStatus step, LocalDate enteredOn, int workingDays, LocalDate remindOn, LocalDate limitDate,
                 LocalDate countyLimitDate) {

    static StepLimit of(DisclosureStatus step, LocalDate enteredOn, int workingDays, int countyAfter, WorkingDays days) {
        LocalDate limit = days.after(enteredOn, workingDays);
        return new StepLimit(step, enteredOn, workingDays, days.before(limit, enteredOn), limit,
                days.after(limit, countyAfter));
    }

    boolean remindDue(LocalDate today) {
        return !today.isBefore(remindOn) && !today.isAfter(limitDate);
    }

    boolean parentDue(LocalDate today) {
        return today.isAfter(limitDate);
    }

    boolean countyDue(LocalDate today) {
        return today.isAfter(countyLimitDate);
    }
}
