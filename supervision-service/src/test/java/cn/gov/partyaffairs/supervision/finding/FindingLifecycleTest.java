package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.supervision.TestSupervision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A finding from raising to closing: every step, every refused step naming the status, the whole history, one event
 * per step; and the overdue flag, once per deadline however many checks run at once.
 */
@QuarkusTest
class FindingLifecycleTest {

    private static final LocalDate MARCH = LocalDate.parse("2017-03-01");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void reportedVerifiedOrReopenedByTheGroupWithEveryStepKept() {
        clock.set(Instant.parse("2017-06-15T02:00:00Z"));
        String unit = TestSupervision.unit("朱家场镇鱼塘村党支部", MARCH);
        String group = TestSupervision.group("第四督促指导小组");
        TestSupervision.assign(unit, group, MARCH).statusCode(200);
        String inspector = TestTokens.inspector(group);
        String clerk = TestTokens.clerk(unit);
        String id = TestSupervision.finding(inspector, unit, LocalDate.parse("2017-05-12"), LocalDate.parse("2017-05-31"));
        String path = "/findings/" + id;

        post(inspector, path + "/verify", "{}").statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("OPEN（待整改）"));
        post(inspector, path + "/reopen", """
                {"reason":"未整改","newDeadline":"2017-06-30"}""").statusCode(409).body("currentState", equalTo("OPEN（待整改）"));
        // The unit's own clerk reports; another unit's clerk may not; nor may a step be dated before the last one.
        post(TestTokens.clerk("V-ELSEWHERE"), path + "/rectification", """
                {"evidence":"冒名整改"}""").statusCode(403);
        post(clerk, path + "/rectification", """
                {"evidence":"照片","reportedOn":"2017-05-01"}""").statusCode(400).body("errors[0].field", equalTo("reportedOn"));
        post(clerk, path + "/rectification", "{}").statusCode(400).body("errors[0].field", equalTo("evidence"));
        post(clerk, path + "/rectification", """
                {"evidence":"1—2月党费收缴情况已公开，附公开栏照片","reportedOn":"2017-05-26"}""")
                .statusCode(200).body("status", equalTo("RECTIFICATION_REPORTED")).body("statusLabel", equalTo("整改待验收"));
        post(clerk, path + "/rectification", """
                {"evidence":"再报一次"}""").statusCode(409).body("currentState", equalTo("RECTIFICATION_REPORTED（整改待验收）"));
        post(clerk, path + "/verify", "{}").statusCode(403);

        post(inspector, path + "/reopen", """
                {"reason":"3—4月仍未公开","newDeadline":"2017-05-28","reopenedOn":"2017-05-29"}""")
                .statusCode(400).body("errors[0].field", equalTo("newDeadline"));
        post(inspector, path + "/reopen", """
                {"reason":"3—4月仍未公开","newDeadline":"2017-06-20","reopenedOn":"2017-05-29"}""")
                .statusCode(200).body("status", equalTo("REOPENED")).body("deadline", equalTo("2017-06-20"))
                .body("evidence", nullValue());
        post(clerk, path + "/rectification", """
                {"evidence":"1—4月党费收缴情况均已公开","reportedOn":"2017-06-05"}""").statusCode(200);
        post(inspector, path + "/verify", """
                {"note":"现场核实，整改到位","verifiedOn":"2017-06-08"}""")
                .statusCode(200).body("status", equalTo("VERIFIED")).body("closedOn", equalTo("2017-06-08"));

        for (String step : List.of("/rectification", "/verify", "/reopen")) {
            post(inspector, path + step, """
                    {"evidence":"再次","reason":"再次","newDeadline":"2017-07-01"}""")
                    .statusCode(409).body("currentState", equalTo("VERIFIED（已验收销号）"));
        }
        get(inspector, path).statusCode(200)
                .body("history.action", contains("RAISED", "RECTIFICATION_REPORTED", "REOPENED", "RECTIFICATION_REPORTED", "VERIFIED"))
                .body("history.on", contains("2017-05-12", "2017-05-26", "2017-05-29", "2017-06-05", "2017-06-08"))
                .body("history.deadline", contains("2017-05-31", "2017-05-31", "2017-06-20", "2017-06-20", "2017-06-20"))
                .body("history[1].note", equalTo("1—2月党费收缴情况已公开，附公开栏照片"))
                .body("history[2].note", equalTo("3—4月仍未公开"));

        List<ConsumerRecord<String, String>> events = TestSupervision.events(id, 5);
        assertEquals(List.of("FindingRaised.v1", "RectificationReported.v1", "FindingReopened.v1",
                        "RectificationReported.v1", "RectificationVerified.v1"),
                events.stream().map(r -> EventProbe.header(r, "ce_type").replace(TestSupervision.PREFIX, "")).toList());
        assertEquals(List.of("1", "2", "3", "4", "5"),
                events.stream().map(r -> EventProbe.header(r, "ce_aggregateversion")).toList());
    }

    @Test
    void rectificationPastItsDeadlineIsFlaggedOncePerDeadline() {
        String admin = TestTokens.countyAdmin();
        clock.set(Instant.parse("2017-05-12T02:00:00Z"));
        String unit = TestSupervision.unit("田坪镇杨柳村党支部", MARCH);
        String group = TestSupervision.group("第二督促指导小组");
        TestSupervision.assign(unit, group, MARCH).statusCode(200);
        String inspector = TestTokens.inspector(group);
        String id = TestSupervision.finding(inspector, unit, LocalDate.parse("2017-05-12"), LocalDate.parse("2017-05-31"));

        clock.set(Instant.parse("2017-05-31T15:00:00Z"));
        post(admin, "/findings/overdue-check", "").statusCode(200);
        get(admin, "/findings/" + id).body("overdue", equalTo(false));

        clock.set(Instant.parse("2017-06-01T00:05:00Z"));
        List<CompletableFuture<Integer>> checks = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                post(admin, "/findings/overdue-check", "").statusCode(200).extract().<Integer>path("overdue"))).toList();
        assertEquals(1, checks.stream().mapToInt(CompletableFuture::join).sum(), "one replica's check flags it");
        get(admin, "/findings?overdue=true&unit=" + unit).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        get(admin, "/findings?overdue=true&group=" + group).body("total", equalTo(1));

        // Reported late, reopened with a new deadline: that deadline can pass too, and is flagged once more.
        post(TestTokens.clerk(unit), "/findings/" + id + "/rectification", """
                {"evidence":"已整改"}""").statusCode(200).body("overdue", equalTo(false));
        post(inspector, "/findings/" + id + "/reopen", """
                {"reason":"整改不到位","newDeadline":"2017-06-10"}""").statusCode(200).body("overdue", equalTo(false));
        post(admin, "/findings/overdue-check", "").statusCode(200).body("overdue", equalTo(0));
        clock.set(Instant.parse("2017-06-11T01:00:00Z"));
        post(admin, "/findings/overdue-check", "").statusCode(200).body("overdue", equalTo(1));
        post(admin, "/findings/overdue-check", "").statusCode(200).body("overdue", equalTo(0));

        assertEquals(List.of("FindingRaised.v1", "RectificationOverdue.v1", "RectificationReported.v1",
                "FindingReopened.v1", "RectificationOverdue.v1"), TestSupervision.eventTypes(id, 5));
        get(admin, "/findings/" + id).body("history.action",
                contains("RAISED", "OVERDUE", "RECTIFICATION_REPORTED", "REOPENED", "OVERDUE"));
    }
}
