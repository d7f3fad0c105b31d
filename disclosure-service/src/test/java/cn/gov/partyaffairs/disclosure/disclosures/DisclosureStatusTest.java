package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.Action;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.APPROVED;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.DRAFT;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.PUBLISHED;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.RETURNED;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.REVIEWED;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.SUBMITTED;
import static cn.gov.partyaffairs.disclosure.disclosures.DisclosureStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole transition table, written out by hand: any change to the workflow has to change this test too. */
class DisclosureStatusTest {

    private static final Map<Action, Set<DisclosureStatus>> ALLOWED = Map.of(
            Action.EDIT, EnumSet.of(DRAFT, RETURNED),
            Action.SUBMIT, EnumSet.of(DRAFT, RETURNED),
            Action.REVIEW, EnumSet.of(SUBMITTED),
            Action.RETURN, EnumSet.of(SUBMITTED, REVIEWED),
            Action.ESCALATE, EnumSet.of(REVIEWED),
            Action.APPROVE, EnumSet.of(REVIEWED),
            Action.PUBLISH, EnumSet.of(APPROVED),
            Action.CORRECT, EnumSet.of(PUBLISHED),
            Action.WITHDRAW, EnumSet.of(PUBLISHED));

    @Test
    void eachActionStartsOnlyFromItsStates() {
        for (Action action : Action.values()) {
            Set<DisclosureStatus> allowed = Arrays.stream(DisclosureStatus.values()).filter(action::allowedFrom)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(DisclosureStatus.class)));
            assertEquals(ALLOWED.get(action), allowed, action.name());
        }
    }

    @Test
    void theStepsLeadWhereTheRegulationSays() {
        assertEquals(SUBMITTED, Action.SUBMIT.after(RETURNED));
        assertEquals(REVIEWED, Action.REVIEW.after(SUBMITTED));
        assertEquals(RETURNED, Action.RETURN.after(REVIEWED));
        assertEquals(REVIEWED, Action.ESCALATE.after(REVIEWED));
        assertEquals(APPROVED, Action.APPROVE.after(REVIEWED));
        assertEquals(PUBLISHED, Action.PUBLISH.after(APPROVED));
        assertEquals(PUBLISHED, Action.CORRECT.after(PUBLISHED));
        assertEquals(WITHDRAWN, Action.WITHDRAW.after(PUBLISHED));
        assertEquals(DRAFT, Action.EDIT.after(DRAFT));
    }
}
