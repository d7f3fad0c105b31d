package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
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

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A commitment past its due date becomes overdue once, however many checks run at once; it can still be fulfilled, late. */
@QuarkusTest
class OverdueDetectorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void overdueOnceWhenTheDueDatePassesThenFulfilledLate() {
        String organization = TestCommitments.organization(TestCommitments.code("V"), "长冲村党支部", null);
        String clerk = TestTokens.clerk(organization);
        String admin = TestTokens.countyAdmin();
        clock.set(Instant.parse("2017-03-01T02:00:00Z"));
        String id = TestCommitments.pledge(clerk,
                TestCommitments.practicalBody(organization, LocalDate.parse("2017-03-01"), LocalDate.parse("2017-06-30")));
        post(clerk, "/commitments/" + id + "/progress", """
                {"quantity":18}""").statusCode(200).body("progressPercent", equalTo(60));

        clock.set(Instant.parse("2017-06-30T12:00:00Z"));
        post(admin, "/commitments/overdue-check", "").statusCode(200);
        given().auth().oauth2(clerk).when().get("/commitments/" + id).then().body("status", equalTo("IN_PROGRESS"));

        clock.set(Instant.parse("2017-07-01T00:05:00Z"));
        List<CompletableFuture<Integer>> checks = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                post(admin, "/commitments/overdue-check", "").statusCode(200).extract().<Integer>path("overdue"))).toList();
        checks.forEach(CompletableFuture::join);
        given().auth().oauth2(clerk).when().get("/commitments/" + id).then()
                .body("status", equalTo("OVERDUE")).body("statusLabel", equalTo("已逾期"));

        // Progress on an overdue commitment keeps it overdue; fulfilment now is late.
        post(clerk, "/commitments/" + id + "/progress", """
                {"quantity":27}""").statusCode(200).body("status", equalTo("OVERDUE"));
        clock.set(Instant.parse("2017-07-20T03:00:00Z"));
        post(clerk, "/commitments/" + id + "/fulfil", """
                {"evidence":"30盏路灯验收照片"}""")
                .statusCode(200).body("status", equalTo("FULFILLED")).body("onTime", equalTo(false))
                .body("fulfilledOn", equalTo("2017-07-20"));
        post(admin, "/commitments/overdue-check", "").statusCode(200);

        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", id, 5);
        List<String> types = events.stream().map(r -> EventProbe.header(r, "ce_type")
                .replace("cn.gov.partyaffairs.commitment.", "")).toList();
        assertEquals(List.of("CommitmentPledged.v1", "CommitmentProgressReported.v1", "CommitmentOverdue.v1",
                "CommitmentProgressReported.v1", "CommitmentFulfilled.v1"), types);
    }
}
