package cn.gov.partyaffairs.disclosure.disclosures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The review's checks travel from the request into DisclosureReviewed, in the regulation's order, none invented. */
class ReviewChecksTest {

    @Test
    void theConfirmedChecksAreTheOnesTheReviewerTicked() {
        assertEquals(List.of("SECRECY", "NECESSITY", "ACCURACY"),
                new WorkflowRequests.Review(true, true, true).confirmedChecks());
        assertEquals(List.of("SECRECY", "ACCURACY"), new WorkflowRequests.Review(true, false, true).confirmedChecks());
        assertEquals(List.of(), new WorkflowRequests.Review(null, false, null).confirmedChecks());
    }
}
