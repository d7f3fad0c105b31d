package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A milestone whose date passed unreached is flagged once, however many checks run at once: one
 * CommitmentMilestoneMissed per milestone, and the commitment shows it as 逾期未达成. A milestone reached in time is
 * never flagged; one reached late says so.
 */
@QuarkusTest
class MilestoneDetectorTest {

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aMilestonePassedUnreachedIsFlaggedOnceAndShownSo() throws Exception {
        String organization = TestCommitments.organization(TestCommitments.code("V"), "长冲村党支部", null);
        String clerk = TestTokens.clerk(organization);
        String admin = TestTokens.countyAdmin();
        clock.set(Instant.parse("2017-03-01T02:00:00Z"));
        String id = given().auth().oauth2(clerk).contentType("application/json").body("""
                        {"kind":"PRACTICAL_THING","title":"为村里安装路灯30盏","organizationCode":"%s","responsible":"村支书",
                         "targetQuantity":30,"targetUnit":"盏","pledgedOn":"2017-03-01","dueDate":"2017-06-30",
                         "milestones":[{"title":"路灯采购到位","dueDate":"2017-03-31"},
                                       {"title":"主干道安装完成","dueDate":"2017-04-30"},
                                       {"title":"全部通电验收","dueDate":"2017-06-30"}]}""".formatted(organization))
                .when().post("/commitments").then().statusCode(201).extract().path("id");

        // The first is reached in time; on its date nothing is missed yet.
        clock.set(Instant.parse("2017-03-30T02:00:00Z"));
        post(clerk, "/commitments/" + id + "/progress", """
                {"quantity":6,"milestoneReached":"路灯采购到位"}""").statusCode(200);
        clock.set(Instant.parse("2017-04-30T12:00:00Z"));
        post(admin, "/commitments/overdue-check", "").statusCode(200).body("milestonesMissed", equalTo(0));

        // The day after the second's date, six replicas look at once: it is flagged once.
        clock.set(Instant.parse("2017-05-01T00:05:00Z"));
        List<CompletableFuture<Integer>> checks = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                post(admin, "/commitments/overdue-check", "").statusCode(200).extract().<Integer>path("milestonesMissed")))
                .toList();
        assertEquals(1, checks.stream().mapToInt(CompletableFuture::join).sum());
        post(admin, "/commitments/overdue-check", "").statusCode(200).body("milestonesMissed", equalTo(0));
        given().auth().oauth2(clerk).when().get("/commitments/" + id).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("milestones.stateLabel", contains("已达成", "逾期未达成", "未到期"))
                .body("milestones[0].missedAt", nullValue())
                .body("milestones[1].missedAt", notNullValue());

        // Reached later, it says so; it is not flagged again.
        clock.set(Instant.parse("2017-05-10T02:00:00Z"));
        post(clerk, "/commitments/" + id + "/progress", """
                {"quantity":20,"milestoneReached":"主干道安装完成"}""").statusCode(200);
        post(admin, "/commitments/overdue-check", "").statusCode(200).body("milestonesMissed", equalTo(0));
        given().auth().oauth2(clerk).when().get("/commitments/" + id).then()
                .body("milestones.stateLabel", contains("已达成", "逾期达成", "未到期"));

        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", id, 4);
        List<String> types = events.stream().map(r -> EventProbe.header(r, "ce_type")
                .replace("cn.gov.partyaffairs.commitment.", "")).toList();
        assertEquals(List.of("CommitmentPledged.v1", "CommitmentProgressReported.v1", "CommitmentMilestoneMissed.v1",
                "CommitmentProgressReported.v1"), types);
        assertEquals(List.of("1", "2", "3", "4"),
                events.stream().map(r -> EventProbe.header(r, "ce_aggregateversion")).toList());
        JsonNode missed = mapper.readTree(events.get(2).value());
        assertEquals("主干道安装完成", missed.get("milestone").asText());
        assertEquals(1, missed.get("position").asInt());
        assertEquals("2017-04-30", missed.get("milestoneDueDate").asText());
        assertEquals(organization, missed.get("organizationCode").asText());
        assertEquals(20, missed.get("progressPercent").asInt());
    }
}
