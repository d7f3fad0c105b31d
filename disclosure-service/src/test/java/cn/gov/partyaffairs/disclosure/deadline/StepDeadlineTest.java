package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A submitted disclosure nobody reviews, with time moved by the test clock over the 2026 National Day week (V31's
 * arrangement): the review's limit is 3 working days (the county default), the county office's 3 more.
 */
@QuarkusTest
class StepDeadlineTest {

    private static final String PREFIX = "cn.gov.partyaffairs.disclosure.";

    @Inject
    TestClock clock;

    @Inject
    StepDeadlineDetector detector;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String day) {
        clock.set(Instant.parse(day + "T02:00:00Z"));
    }

    private static String submit(String organization, String item) {
        String clerk = TestTokens.clerk(organization);
        String id = given().auth().oauth2(clerk).contentType(ContentType.JSON).body("""
                        {"organizationCode":"%s","itemCodes":["%s"],"title":"工作进展","body":"按期公开。",
                         "periodStart":"2026-09-01","periodEnd":"2026-09-30","scope":"PUBLIC",
                         "plannedChannels":["disclosure-board"],"plannedPublicationAt":"2026-09-01T00:00:00Z"}"""
                        .formatted(organization, item))
                .when().post("/disclosures").then().statusCode(201).extract().path("id");
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"attestNoSecrets\":true}")
                .when().post("/disclosures/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** The disclosure's step events so far (its drafted and submitted events are 2 of {@code total}). */
    private static List<String> stepEvents(String id, int total) {
        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey("disclosure.events", id, total);
        return records.stream().map(r -> EventProbe.header(r, "ce_type").replace(PREFIX, ""))
                .filter(type -> type.startsWith("DisclosureStep"))
                .map(type -> type.replace(".v1", "")).toList();
    }

    @Test
    void aSubmissionLeftAloneIsRemindedThenEscalatedOnWorkingDaysAcrossTheNationalDayWeek() {
        at("2026-09-29");
        String township = TestOrganizations.code();
        TestOrganizations.register(township, "township-committee", null);
        String village = TestOrganizations.code();
        TestOrganizations.register(village, "village-branch", township);
        String id = submit(village, "C1-04");

        detector.detect();
        at("2026-09-30");
        detector.detect();
        at("2026-10-07"); // the last day of the holiday: the limit (9 October) is two working days away
        detector.detect();
        assertEquals(List.of(), stepEvents(id, 2));

        at("2026-10-08");
        detector.detect();
        detector.detect();
        assertEquals(List.of("DisclosureStepReminded"), stepEvents(id, 3));
        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey("disclosure.events", id, 3);
        String reminder = records.get(2).value();
        assertTrue(reminder.contains("\"holderOrganizationCode\":\"" + township + "\""), reminder);
        assertTrue(reminder.contains("\"limitDate\":\"2026-10-09\""), reminder);
        assertEquals("3", EventProbe.header(records.get(2), "ce_aggregateversion"));

        at("2026-10-09");
        detector.detect();
        at("2026-10-10"); // past the limit: the parent organization is told (a make-up Saturday)
        detector.detect();
        detector.detect();
        List<ConsumerRecord<String, String>> four = EventProbe.recordsWithKey("disclosure.events", id, 4);
        assertTrue(four.get(3).value().contains("\"level\":\"PARENT_ORGANIZATION\""), four.get(3).value());
        assertTrue(four.get(3).value().contains("\"escalatedToOrganizationCode\":\"" + township + "\""));

        // The second limit: Saturday 10 (worked), Monday 12, Tuesday 13 October; the county office on the 14th.
        at("2026-10-13");
        detector.detect(); // the second limit's last day: nothing more is due yet
        at("2026-10-14");
        detector.detect();
        at("2026-10-20");
        detector.detect();
        assertEquals(List.of("DisclosureStepReminded", "DisclosureStepEscalated", "DisclosureStepEscalated"),
                stepEvents(id, 5));
        List<ConsumerRecord<String, String>> five = EventProbe.recordsWithKey("disclosure.events", id, 5);
        assertTrue(five.get(4).value().contains("\"level\":\"COUNTY_OFFICE\""), five.get(4).value());
        assertTrue(five.get(4).value().contains("\"limitDate\":\"2026-10-13\""), five.get(4).value());

        // Reviewed at last: the approval is a new step with its own clock, nothing due for it yet.
        given().auth().oauth2(TestTokens.clerk(township)).contentType(ContentType.JSON)
                .body("{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}")
                .when().post("/disclosures/" + id + "/review").then().statusCode(200);
        detector.detect();
        assertEquals(3, stepEvents(id, 6).size());
    }

    @Test
    void aCatalogItemWithItsOwnLimitIsEscalatedSooner() {
        at("2026-11-02"); // a Monday
        String township = TestOrganizations.code();
        TestOrganizations.register(township, "township-committee", null);
        String village = TestOrganizations.code();
        TestOrganizations.register(village, "village-branch", township);
        String id = submit(village, "C5-03"); // 发展对象公示: one working day per step (V51)

        detector.detect(); // the limit is Tuesday 3 November: reminded on the Monday itself
        at("2026-11-04");
        detector.detect();
        assertEquals(List.of("DisclosureStepReminded", "DisclosureStepEscalated"), stepEvents(id, 4));
    }

    @Test
    void anApprovalPassedUpToTheCountyOfficeIsNotEscalatedToTheParentThatPassedItUp() {
        at("2026-11-09"); // a Monday
        String township = TestOrganizations.code();
        TestOrganizations.register(township, "township-committee", null);
        String village = TestOrganizations.code();
        TestOrganizations.register(village, "village-branch", township);
        String id = submit(village, "C1-04");
        String reviewer = TestTokens.clerk(township);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}")
                .when().post("/disclosures/" + id + "/review").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON).body("{\"reason\":\"涉及重大资金安排\"}")
                .when().post("/disclosures/" + id + "/escalate").then().statusCode(200);

        // The approval's limit: 10, 11, 12 November; the county office's: 13, 16, 17 November.
        at("2026-11-13");
        detector.detect();
        at("2026-11-18");
        detector.detect();
        assertEquals(List.of("DisclosureStepEscalated"), stepEvents(id, 5),
                "the reminder's day was missed (past the limit): only the county office is told, not the parent");
        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey("disclosure.events", id, 5);
        String escalation = records.get(4).value();
        assertTrue(escalation.contains("\"level\":\"COUNTY_OFFICE\""), escalation);
        assertTrue(escalation.contains("\"holderOrganizationCode\":null"), escalation);
        assertTrue(escalation.contains("\"step\":\"REVIEWED\""), escalation);
    }
}
