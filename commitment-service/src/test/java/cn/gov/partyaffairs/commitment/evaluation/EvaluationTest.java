package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 群众评议: once per client, rate-limited, comments sanitized and moderated, satisfaction counted. */
@QuarkusTest
class EvaluationTest {

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
    void oneEvaluationPerClientAndCommitmentAndALimitPerClient() {
        String address = "198.51.100.9-" + UUID.randomUUID();
        String first = commitment();
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + first + "/evaluations").then().statusCode(201);
        client(address).body("""
                {"rating":"DISSATISFIED"}""").when().post("/commitments/" + first + "/evaluations").then()
                .statusCode(409).body("type", equalTo("urn:partyaffairs:problem:already-evaluated"));
        // The test profile lets one client send three evaluations per window.
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + commitment() + "/evaluations").then().statusCode(201);
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + commitment() + "/evaluations").then().statusCode(201);
        client(address).body("""
                {"rating":"SATISFIED"}""").when().post("/commitments/" + commitment() + "/evaluations").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
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
