package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 群众评议: once per signed-in citizen (a second time revises it), anonymously a few times per address and day,
 * rate-limited, comments sanitized and moderated, satisfaction counted with verified and anonymous apart.
 */
@QuarkusTest
class EvaluationTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static RequestSpecification client(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    private static String commitment() {
        String department = TestCommitments.department("县公安局");
        return TestCommitments.pledge(TestTokens.departmentHead(department),
                TestCommitments.serviceBody(department, LocalDate.now().plusDays(30)));
    }

    @Test
    void ratingsCountAtOnceCommentsOnlyOnceApprovedAndMarkupNeverComesBack() {
        String id = commitment();
        String path = "/commitments/" + id + "/evaluations";
        String evaluation = client("203.0.113.1-" + UUID.randomUUID()).body("""
                        {"rating":"SATISFIED","comment":"<script>alert('x')</script>路灯亮了，<b>晚上</b>出行安全多了"}""")
                .when().post(path).then().statusCode(201)
                .body("commentStatus", equalTo("PENDING"))
                .body("comment", equalTo("路灯亮了，晚上出行安全多了"))
                .extract().path("id");
        client("203.0.113.2-" + UUID.randomUUID()).body("""
                {"rating":"BASICALLY_SATISFIED"}""").when().post(path).then().statusCode(201)
                .body("commentStatus", equalTo("NONE"));
        String rejected = client("203.0.113.3-" + UUID.randomUUID()).body("""
                {"rating":"DISSATISFIED","comment":"加微信领红包"}""").when().post(path).then().statusCode(201)
                .extract().path("id");

        given().when().get(path).then().statusCode(200)
                .body("evaluations", equalTo(3))
                .body("ratings.SATISFIED", equalTo(1))
                .body("satisfactionRate", equalTo(0.6667f))
                .body("comments", hasSize(0));

        String admin = TestTokens.countyAdmin();
        given().auth().oauth2(admin).when().get("/evaluations/pending").then().statusCode(200)
                .body("findAll { it.commitmentId == '" + id + "' }", hasSize(2));
        post(admin, "/evaluations/" + evaluation + "/approve", "").statusCode(200);
        post(admin, "/evaluations/" + rejected + "/reject", """
                {"reason":"含有广告内容"}""").statusCode(200);
        post(admin, "/evaluations/" + evaluation + "/approve", "").statusCode(409)
                .body("currentState", equalTo("APPROVED"));

        given().when().get(path).then().statusCode(200)
                .body("evaluations", equalTo(3))
                .body("comments", hasSize(1))
                .body("comments[0].comment", equalTo("路灯亮了，晚上出行安全多了"))
                .body(not(containsString("<script>")))
                .body(not(containsString("红包")));

        // The unmoderated comment never travels in the public event; the approved one does, sanitized.
        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", evaluation, 2);
        assertEquals(2, events.size());
        assertFalse(events.get(0).value().contains("路灯"), events.get(0).value());
        assertTrue(events.get(0).value().contains("\"commentHeld\":true"));
        assertTrue(events.get(1).value().contains("路灯亮了，晚上出行安全多了"));
        assertFalse(events.get(1).value().contains("<script>"));
    }

    @Test
    void twoCitizensBehindOneAddressEachEvaluateOnce() {
        // A village behind one shared connection: each signed-in person counts, none locks the other out.
        String village = "198.51.100.7-" + UUID.randomUUID();
        String path = "/commitments/" + commitment() + "/evaluations";
        String first = client(village).auth().oauth2(TestTokens.citizen("citizen-a-" + UUID.randomUUID())).body("""
                {"rating":"SATISFIED"}""").when().post(path).then().statusCode(201)
                .body("verified", equalTo(true)).extract().path("id");
        String second = client(village).auth().oauth2(TestTokens.citizen("citizen-b-" + UUID.randomUUID())).body("""
                {"rating":"DISSATISFIED"}""").when().post(path).then().statusCode(201)
                .body("verified", equalTo(true)).extract().path("id");
        assertNotEquals(first, second);
        // And an anonymous neighbour on the same connection still may.
        client(village).body("""
                {"rating":"BASICALLY_SATISFIED"}""").when().post(path).then().statusCode(201)
                .body("verified", equalTo(false));

        given().when().get(path).then().statusCode(200)
                .body("evaluations", equalTo(3)).body("verified", equalTo(2)).body("anonymous", equalTo(1))
                .body("ratings.SATISFIED", equalTo(1)).body("ratings.DISSATISFIED", equalTo(1));
    }

    @Test
    void aCitizenEvaluatingAgainRevisesTheFirstAndCountsOnce() {
        String id = commitment();
        String path = "/commitments/" + id + "/evaluations";
        String account = "citizen-c-" + UUID.randomUUID();
        String citizen = TestTokens.citizen(account);
        String evaluation = client("203.0.113.20-" + UUID.randomUUID()).auth().oauth2(citizen).body("""
                {"rating":"SATISFIED","comment":"路面修好了"}""").when().post(path).then().statusCode(201)
                .body("revisedAt", nullValue()).extract().path("id");
        post(TestTokens.countyAdmin(), "/evaluations/" + evaluation + "/approve", "").statusCode(200);
        given().when().get(path).then().body("comments", hasSize(1));

        // From another address, the next day or the same: the same person, the same evaluation.
        client("203.0.113.21-" + UUID.randomUUID()).auth().oauth2(citizen).body("""
                {"rating":"DISSATISFIED"}""").when().post(path).then().statusCode(200)
                .body("id", equalTo(evaluation)).body("rating", equalTo("DISSATISFIED"))
                .body("commentStatus", equalTo("NONE")).body("revisedAt", notNullValue());

        given().when().get(path).then().statusCode(200)
                .body("evaluations", equalTo(1)).body("verified", equalTo(1)).body("anonymous", equalTo(0))
                .body("ratings.SATISFIED", equalTo(0)).body("ratings.DISSATISFIED", equalTo(1))
                .body("satisfactionRate", equalTo(0.0f))
                .body("comments", hasSize(0)); // the approved comment is no longer what the citizen says

        // Evaluated, approved, revised: three events of one aggregate; the revision says from what to what, and no
        // event names the citizen.
        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", evaluation, 3);
        assertEquals(3, events.size());
        assertTrue(events.get(0).value().contains("\"verified\":true"), events.get(0).value());
        String revised = events.get(2).value();
        assertTrue(revised.contains("\"previousRating\":\"SATISFIED\"") && revised.contains("\"rating\":\"DISSATISFIED\""),
                revised);
        events.forEach(event -> assertFalse(event.value().contains(account), event.value()));
    }

    @Test
    void anonymousEvaluationsAreLimitedPerAddressAndDayOnlyAfterTheLimit() {
        String address = "198.51.100.9-" + UUID.randomUUID();
        String path = "/commitments/" + commitment() + "/evaluations";
        String other = commitment();
        // Noon in the county: the day does not end halfway through the test.
        clock.set(Instant.parse("2017-06-01T04:00:00Z"));
        // The test profile allows three anonymous evaluations of one commitment per address and day.
        for (int i = 0; i < 3; i++) {
            client(address).body("""
                    {"rating":"SATISFIED"}""").when().post(path).then().statusCode(201);
        }
        client(address).body("""
                {"rating":"DISSATISFIED"}""").when().post(path).then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:partyaffairs:problem:anonymous-evaluations-per-day"))
                .body("detail", containsString("每天最多匿名评议同一项承诺 3 次"))
                .body("detail", containsString("请登录"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // The address is not locked out: a signed-in neighbour evaluates, and another commitment takes its own count.
        client(address).auth().oauth2(TestTokens.citizen("citizen-d-" + UUID.randomUUID())).body("""
                {"rating":"SATISFIED"}""").when().post(path).then().statusCode(201);
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + other + "/evaluations").then()
                .statusCode(201);
        given().when().get(path).then().body("evaluations", equalTo(4)).body("anonymous", equalTo(3));
    }

    @Test
    void oneClientIsStillRateLimitedOverAllCommitments() {
        String address = "198.51.100.10-" + UUID.randomUUID();
        // The test profile lets one client send six evaluations per window, over all commitments.
        for (int i = 0; i < 2; i++) {
            String path = "/commitments/" + commitment() + "/evaluations";
            for (int k = 0; k < 3; k++) {
                client(address).body("""
                        {"rating":"SATISFIED"}""").when().post(path).then().statusCode(201);
            }
        }
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + commitment() + "/evaluations").then()
                .statusCode(429).body("type", equalTo("urn:partyaffairs:problem:rate-limited"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void anEvaluationNeedsARatingAndABoundedComment() {
        String path = "/commitments/" + commitment() + "/evaluations";
        client("192.0.2.1-" + UUID.randomUUID()).body("{}").when().post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("rating"));
        client("192.0.2.2-" + UUID.randomUUID()).body("""
                {"rating":"SATISFIED","comment":"%s"}""".formatted("好".repeat(301))).when().post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("comment"));
        client("192.0.2.3-" + UUID.randomUUID()).body("""
                {"rating":"VERY_HAPPY"}""").when().post(path).then().statusCode(400);
        client("192.0.2.4-" + UUID.randomUUID()).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + UUID.randomUUID() + "/evaluations").then()
                .statusCode(404);
    }
}
