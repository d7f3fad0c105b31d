package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcomeRecorded;
import cn.gov.partyaffairs.disclosure.TestDisclosures;
import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cadence engine with time moved by the test clock: a township committee (monthly) lapses one month after
 * registration, a village branch (every two months) only when its two-month period closes; each lapse is sent
 * once even when checks race, and a late publication cures it. Due dates: 5 working days after the period.
 */
@QuarkusTest
class CadenceEngineTest {

    @Inject
    TestClock clock;

    @Inject
    CadenceEngine engine;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String register(String code, String type, String parent) {
        return TestOrganizations.register(code, type, parent);
    }

    private static List<String> states(String code) {
        return given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", code)
                .when().get("/compliance").then().statusCode(200).extract().path("state");
    }

    private static void check() {
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/compliance/check").then().statusCode(200);
    }

    private static int events(String obligationId, String type, int expected) {
        return (int) EventProbe.recordsWithKey("disclosure.events", obligationId, expected).stream()
                .filter(r -> EventProbe.header(r, "ce_type").equals("cn.gov.partyaffairs.disclosure." + type + ".v1"))
                .count();
    }

    @Test
    void aTownshipLapsesAfterOneMissedMonthAVillageOnlyWhenItsTwoMonthPeriodCloses() throws Exception {
        clock.set(Instant.parse("2027-03-10T02:00:00Z"));
        String township = TestOrganizations.code();
        String townshipId = register(township, "township-committee", null);
        String village = TestOrganizations.code();
        String villageId = register(village, "village-branch", township);
        String townshipMarch = DisclosureObligation.idOf(UUID.fromString(townshipId), LocalDate.of(2027, 3, 1)).toString();
        String villageMarchApril = DisclosureObligation.idOf(UUID.fromString(villageId), LocalDate.of(2027, 3, 1)).toString();

        // March is due on 7 April (five working days after the 31st); on the 8th the township has lapsed.
        clock.set(Instant.parse("2027-04-08T02:00:00Z"));
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(engine::check, replicas),
                    CompletableFuture.runAsync(engine::check, replicas),
                    CompletableFuture.runAsync(CadenceEngineTest::check, replicas)).get();
        } finally {
            replicas.shutdown();
        }
        assertEquals(List.of("MISSING", "DUE"), states(township));
        assertEquals(List.of("DUE"), states(village));
        assertEquals(1, events(townshipMarch, "DisclosureOverdue", 1), "one lapse, one event, however many checks");

        // March-April is due on 7 May: the village lapses on the 8th, the township a second time (April).
        clock.set(Instant.parse("2027-05-08T02:00:00Z"));
        check();
        check();
        assertEquals(List.of("MISSING", "MISSING", "DUE"), states(township));
        assertEquals(List.of("MISSING", "DUE"), states(village));
        assertEquals(1, events(villageMarchApril, "DisclosureOverdue", 1));
        assertEquals(1, events(townshipMarch, "DisclosureOverdue", 1));

        // A late publication for March-April cures the village's lapse, once.
        publish(village, "2027-03-01", "2027-04-30", TestTokens.clerk(township));
        assertEquals(List.of("LATE", "DUE"), states(village));
        assertEquals(1, events(villageMarchApril, "DisclosureLapseCured", 1));

        // The township's May, published before its due date, is kept on time.
        clock.set(Instant.parse("2027-06-02T02:00:00Z"));
        publish(township, "2027-05-01", "2027-05-31", TestTokens.countyAdmin());
        assertEquals(List.of("MISSING", "MISSING", "ON_TIME", "DUE"), states(township));

        given().auth().oauth2(TestTokens.inspector("YP-G01")).when().get("/compliance/rates")
                .then().statusCode(200)
                .body("find { it.organizationType == 'township-committee' }.closedPeriods",
                        equalTo(given().auth().oauth2(TestTokens.countyAdmin()).when().get("/compliance/rates")
                                .then().extract().path("find { it.organizationType == 'township-committee' }.closedPeriods")));
    }

    @Test
    void anOpenPeriodIsRemindedOnceTwoWorkingDaysBeforeItFallsDue() {
        clock.set(Instant.parse("2027-03-10T02:00:00Z"));
        String township = TestOrganizations.code();
        String townshipId = register(township, "township-committee", null);
        String march = DisclosureObligation.idOf(UUID.fromString(townshipId), LocalDate.of(2027, 3, 1)).toString();

        // March is due on Wednesday 7 April: on Friday the 2nd four working days are left (2, 5, 6, 7), no reminder.
        clock.set(Instant.parse("2027-04-02T02:00:00Z"));
        check();
        assertEquals(0, events(march, "DisclosureDueSoon", 0));
        // On Tuesday the 6th two are left: one reminder, however many checks.
        clock.set(Instant.parse("2027-04-06T02:00:00Z"));
        check();
        check();
        assertEquals(1, events(march, "DisclosureDueSoon", 1));
        String reminder = EventProbe.recordsWithKey("disclosure.events", march, 1).stream()
                .filter(r -> EventProbe.header(r, "ce_type").endsWith(".DisclosureDueSoon.v1")).findFirst().orElseThrow().value();
        assertTrue(reminder.contains("\"dueDate\":\"2027-04-07\"") && reminder.contains("\"workingDaysLeft\":2"), reminder);
        // Nothing published: it lapses on the 8th all the same, and is not reminded again.
        clock.set(Instant.parse("2027-04-08T02:00:00Z"));
        check();
        assertEquals(1, events(march, "DisclosureOverdue", 2));
        assertEquals(1, events(march, "DisclosureDueSoon", 2));
    }

    @Test
    void aRegisterBroughtInFromPaperOwesItsEarlierPeriodsToo() {
        clock.set(Instant.parse("2027-04-20T02:00:00Z"));
        String code = TestOrganizations.code();
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"县直某单位党组\",\"type\":\"county-level\",\"disclosingSince\":\"2027-01-15\"}")
                .when().post("/organizations").then().statusCode(201);
        check();
        assertEquals(List.of("MISSING", "MISSING", "MISSING", "DUE"), states(code));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + TestOrganizations.code() + "\",\"name\":\"x\",\"type\":\"school\",\"disclosingSince\":\"2027-05-01\"}")
                .when().post("/organizations").then().statusCode(400).body("errors[0].field", equalTo("disclosingSince"));
    }

    @Test
    void theLedgerBringsInEarlierPublicationsWithTheirRealDates() {
        clock.set(Instant.parse("2027-06-20T02:00:00Z"));
        String code = TestOrganizations.code();
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"某镇党委\",\"type\":\"township-committee\",\"disclosingSince\":\"2027-01-01\"}")
                .when().post("/organizations").then().statusCode(201);
        String entry = """
                {"organizationCode":"%s","itemCodes":["C1-04"],"title":"%s","body":"按期公开。","periodStart":"%s",
                 "periodEnd":"%s","scope":"PUBLIC","plannedChannels":["disclosure-board"],"plannedPublicationAt":"%s"}""";
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json").body("[" + String.join(",",
                        entry.formatted(code, "1月", "2027-01-01", "2027-01-31", "2027-02-03T09:00:00+08:00"),
                        entry.formatted(code, "2月", "2027-02-01", "2027-02-28", "2027-03-20T09:00:00+08:00"),
                        entry.formatted(code, "4月", "2027-04-01", "2027-04-30", "2027-05-06T09:00:00+08:00")) + "]")
                .when().post("/disclosures/ledger").then().statusCode(200).body("recorded", equalTo(3));
        check();
        assertEquals(List.of("ON_TIME", "LATE", "MISSING", "ON_TIME", "MISSING", "DUE"), states(code));

        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("[" + entry.formatted(code, "未来", "2027-06-01", "2027-06-30", "2027-07-06T09:00:00+08:00") + "]")
                .when().post("/disclosures/ledger").then().statusCode(400).body("errors[0].field", equalTo("plannedPublicationAt"));
        given().auth().oauth2(TestTokens.clerk(code)).contentType("application/json").body("[]")
                .when().post("/disclosures/ledger").then().statusCode(403);
    }

    @Test
    void aLedgerArrivingAfterTheLapseWasRaisedCuresItOnTimeWhenPublishedByTheDueDate() {
        clock.set(Instant.parse("2027-04-20T02:00:00Z"));
        String code = TestOrganizations.code();
        String id = given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"某县直单位党组\",\"type\":\"county-level\",\"disclosingSince\":\"2027-01-01\"}")
                .when().post("/organizations").then().statusCode(201).extract().path("id");
        check(); // January to March lapse before the paper ledger is typed in
        assertEquals(List.of("MISSING", "MISSING", "MISSING", "DUE"), states(code));
        String entry = """
                {"organizationCode":"%s","itemCodes":["C1-04"],"title":"%s","body":"按期公开。","periodStart":"%s",
                 "periodEnd":"%s","scope":"PUBLIC","plannedChannels":["disclosure-board"],"plannedPublicationAt":"%s"}""";
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json").body("[" + String.join(",",
                        entry.formatted(code, "1月", "2027-01-01", "2027-01-31", "2027-02-03T09:00:00+08:00"),
                        entry.formatted(code, "2月", "2027-02-01", "2027-02-28", "2027-03-20T09:00:00+08:00")) + "]")
                .when().post("/disclosures/ledger").then().statusCode(200);
        assertEquals(List.of("ON_TIME", "LATE", "MISSING", "DUE"), states(code));
        String january = DisclosureObligation.idOf(UUID.fromString(id), LocalDate.of(2027, 1, 1)).toString();
        String february = DisclosureObligation.idOf(UUID.fromString(id), LocalDate.of(2027, 2, 1)).toString();
        List<String> cures = EventProbe.recordsWithKey("disclosure.events", january, 2).stream()
                .filter(r -> EventProbe.header(r, "ce_type").endsWith(".DisclosureLapseCured.v1")).map(r -> r.value()).toList();
        assertEquals(1, cures.size());
        assertTrue(cures.get(0).contains("\"onTime\":true"), cures.get(0));
        assertTrue(EventProbe.recordsWithKey("disclosure.events", february, 2).stream()
                .anyMatch(r -> r.value().contains("\"onTime\":false")));
    }

    /** The last {@code ComplianceOutcomeRecorded} of one period, as the gateway will read it. */
    private static String lastOutcome(String organizationId, LocalDate periodStart, int atLeast) {
        UUID obligation = DisclosureObligation.idOf(UUID.fromString(organizationId), periodStart);
        List<String> outcomes = EventProbe.recordsWithKey("disclosure.events",
                        ComplianceOutcomeRecorded.outcomeId(obligation).toString(), atLeast).stream()
                .filter(r -> EventProbe.header(r, "ce_type").endsWith(".ComplianceOutcomeRecorded.v1"))
                .map(r -> r.value()).toList();
        return outcomes.get(outcomes.size() - 1);
    }

    @Test
    void theEnginePublishesEveryOutcomeItDecidesAndAnExemptionWithItsReason() {
        clock.set(Instant.parse("2027-04-20T02:00:00Z"));
        String code = TestOrganizations.code();
        String id = given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"code\":\"" + code + "\",\"name\":\"某县直单位党组\",\"type\":\"county-level\",\"disclosingSince\":\"2027-01-01\"}")
                .when().post("/organizations").then().statusCode(201).extract().path("id");
        String entry = """
                {"organizationCode":"%s","itemCodes":["C1-04"],"title":"%s","body":"按期公开。","periodStart":"%s",
                 "periodEnd":"%s","scope":"PUBLIC","plannedChannels":["disclosure-board"],"plannedPublicationAt":"%s"}""";
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json").body("[" + String.join(",",
                        entry.formatted(code, "1月", "2027-01-01", "2027-01-31", "2027-02-03T09:00:00+08:00"),
                        entry.formatted(code, "2月", "2027-02-01", "2027-02-28", "2027-03-20T09:00:00+08:00")) + "]")
                .when().post("/disclosures/ledger").then().statusCode(200);
        check();
        assertTrue(lastOutcome(id, LocalDate.of(2027, 1, 1), 1).contains("\"outcome\":\"KEPT\",\"due\":true"));
        assertTrue(lastOutcome(id, LocalDate.of(2027, 2, 1), 1).contains("\"outcome\":\"LATE\",\"due\":true"));
        assertTrue(lastOutcome(id, LocalDate.of(2027, 3, 1), 1).contains("\"outcome\":\"MISSING\",\"due\":true"));
        assertTrue(lastOutcome(id, LocalDate.of(2027, 4, 1), 1).contains("\"outcome\":\"PENDING\",\"due\":false"));

        // The county office excuses March; a bad request names the field in Chinese.
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"organization\":\"" + code + "\",\"periodStart\":\"2027-03-01\"}")
                .when().post("/compliance/exemptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("请填写免除理由"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"organization\":\"" + code + "\",\"periodStart\":\"2027-03-02\",\"reason\":\"机构调整\"}")
                .when().post("/compliance/exemptions").then().statusCode(400).body("errors[0].field", equalTo("periodStart"));
        given().auth().oauth2(TestTokens.clerk(code)).contentType("application/json")
                .body("{\"organization\":\"" + code + "\",\"periodStart\":\"2027-03-01\",\"reason\":\"机构调整\"}")
                .when().post("/compliance/exemptions").then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("application/json")
                .body("{\"organization\":\"" + code + "\",\"periodStart\":\"2027-03-01\",\"reason\":\"机构调整\"}")
                .when().post("/compliance/exemptions").then().statusCode(200).body("outcome", equalTo("EXEMPTED"));
        assertTrue(lastOutcome(id, LocalDate.of(2027, 3, 1), 2).contains("\"outcome\":\"EXEMPTED\""));
        assertTrue(lastOutcome(id, LocalDate.of(2027, 3, 1), 2).contains("\"exemptionReason\":\"机构调整\""));
        assertEquals(List.of("ON_TIME", "LATE", "EXEMPTED", "DUE"), states(code));

        // April kept early counts only once the engine has seen its due date pass.
        publish(code, "2027-04-01", "2027-04-30", TestTokens.countyAdmin());
        assertTrue(lastOutcome(id, LocalDate.of(2027, 4, 1), 2).contains("\"outcome\":\"KEPT\",\"due\":false"));
        clock.set(Instant.parse("2027-05-20T02:00:00Z"));
        check();
        assertTrue(lastOutcome(id, LocalDate.of(2027, 4, 1), 3).contains("\"outcome\":\"KEPT\",\"due\":true"));
    }

    @Test
    void complianceIsRefusedToAClerkOfAnotherOrganization() {
        String own = TestOrganizations.code();
        register(own, "school", null);
        given().auth().oauth2(TestTokens.clerk("SOMEONE-ELSE")).queryParam("organization", own)
                .when().get("/compliance").then().statusCode(403);
        given().auth().oauth2(TestTokens.clerk(own)).queryParam("organization", own)
                .when().get("/compliance").then().statusCode(200);
    }

    private static void publish(String organization, String start, String end, String approver) {
        TestDisclosures.publish(organization, "PUBLIC", "C1-04", "disclosure-board", start, end, approver);
    }
}
