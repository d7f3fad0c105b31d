package cn.gov.partyaffairs.commitment.statistics;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The figures on a small tree, checked against hand-computed ones: township T with villages V1 and V2.
 * <pre>
 * V1: a fulfilled on time (100), b in progress 40%, c withdrawn;  evaluations of a: satisfied, basically satisfied
 * V2: d fulfilled late (100),   e overdue at 20%;                evaluation of d: dissatisfied (a citizen's)
 * T:  f pledged, no report (0)
 * </pre>
 */
@QuarkusTest
class StatisticsTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void organizationFiguresRollUpTheTree() {
        String t = TestCommitments.organization(TestCommitments.code("T"), "田坪镇党委", null);
        String v1 = TestCommitments.organization(TestCommitments.code("V"), "田坪镇鱼塘村党支部", t);
        String v2 = TestCommitments.organization(TestCommitments.code("V"), "田坪镇大湾村党支部", t);
        String admin = TestTokens.countyAdmin();
        LocalDate start = LocalDate.parse("2017-01-02");

        String a = pledge(v1, start, "2017-12-31");
        post(admin, "/commitments/" + a + "/fulfil", """
                {"evidence":"验收","fulfilledOn":"2017-05-01"}""").statusCode(200);
        String b = pledge(v1, start, "2030-12-31");
        post(admin, "/commitments/" + b + "/progress", """
                {"percent":40}""").statusCode(200);
        String c = pledge(v1, start, "2030-12-31");
        post(admin, "/commitments/" + c + "/withdraw", """
                {"reason":"并入县级项目"}""").statusCode(200);
        String d = pledge(v2, start, "2017-02-28");
        post(admin, "/commitments/" + d + "/fulfil", """
                {"evidence":"验收","fulfilledOn":"2017-03-15"}""").statusCode(200);
        String e = pledge(v2, start, "2017-03-31");
        post(admin, "/commitments/" + e + "/progress", """
                {"percent":20,"reportedOn":"2017-03-01"}""").statusCode(200);
        pledge(t, start, "2030-12-31");
        clock.set(Instant.parse("2017-04-01T01:00:00Z"));
        post(admin, "/commitments/overdue-check", "").statusCode(200);
        clock.reset();
        evaluate(a, "SATISFIED");
        evaluate(a, "BASICALLY_SATISFIED");
        // d's evaluation is a signed-in citizen's: counted as the others, and as verified.
        given().header("X-Forwarded-For", "192.0.2.51-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.citizen("citizen-" + UUID.randomUUID()))
                .body("{\"rating\":\"DISSATISFIED\"}")
                .when().post("/commitments/" + d + "/evaluations").then().statusCode(201);

        figures(v1).body("pledged", equalTo(2)).body("inProgress", equalTo(1)).body("fulfilled", equalTo(1))
                .body("fulfilledOnTime", equalTo(1)).body("onTimeRate", equalTo(1.0f)).body("overdue", equalTo(0))
                .body("withdrawn", equalTo(1)).body("averageProgress", equalTo(70.0f))
                .body("evaluations", equalTo(2)).body("satisfactionRate", equalTo(1.0f));
        figures(v2).body("pledged", equalTo(2)).body("inProgress", equalTo(0)).body("fulfilled", equalTo(1))
                .body("fulfilledOnTime", equalTo(0)).body("onTimeRate", equalTo(0.0f)).body("overdue", equalTo(1))
                .body("withdrawn", equalTo(0)).body("averageProgress", equalTo(60.0f))
                .body("evaluations", equalTo(1)).body("satisfactionRate", equalTo(0.0f))
                .body("verifiedEvaluations", equalTo(1)).body("anonymousEvaluations", equalTo(0));
        figures(t).body("name", equalTo("田坪镇党委"))
                .body("pledged", equalTo(5)).body("inProgress", equalTo(2)).body("fulfilled", equalTo(2))
                .body("fulfilledOnTime", equalTo(1)).body("onTimeRate", equalTo(0.5f)).body("overdue", equalTo(1))
                .body("withdrawn", equalTo(1)).body("averageProgress", equalTo(52.0f))
                .body("evaluations", equalTo(3)).body("satisfied", equalTo(1)).body("basicallySatisfied", equalTo(1))
                .body("dissatisfied", equalTo(1)).body("satisfactionRate", equalTo(0.6667f))
                .body("verifiedEvaluations", equalTo(1)).body("anonymousEvaluations", equalTo(2));
        given().auth().oauth2(admin).when().get("/statistics/organizations").then().statusCode(200)
                .body("find { it.key == '" + t + "' }.pledged", equalTo(5))
                .body("find { it.key == '" + v1 + "' }.pledged", equalTo(2));
    }

    @Test
    void departmentAndCategoryFigures() {
        String department = TestCommitments.department("县自然资源局");
        String head = TestTokens.departmentHead(department);
        String done = TestCommitments.pledge(head, TestCommitments.serviceBody(department, LocalDate.now().plusDays(5)));
        post(head, "/commitments/" + done + "/fulfil", """
                {"evidence":"办结"}""").statusCode(200);
        TestCommitments.pledge(head, TestCommitments.serviceBody(department, LocalDate.now().plusDays(5)));

        given().auth().oauth2(head).when().get("/statistics/departments").then().statusCode(200)
                .body("find { it.key == '" + department + "' }.name", equalTo("县自然资源局"))
                .body("find { it.key == '" + department + "' }.pledged", equalTo(2))
                .body("find { it.key == '" + department + "' }.fulfilledOnTime", equalTo(1))
                .body("find { it.key == '" + department + "' }.averageProgress", equalTo(50.0f))
                .body("find { it.key == '" + department + "' }.satisfactionRate", nullValue());
        given().auth().oauth2(head).when().get("/statistics/categories?kind=SERVICE").then().statusCode(200)
                .body("find { it.key == 'government-services' }.name", equalTo("政府服务"));
        given().auth().oauth2(head).when().get("/statistics?kind=SERVICE").then().statusCode(200)
                .body("key", equalTo("county"));
    }

    private static String pledge(String organization, LocalDate pledgedOn, String due) {
        return TestCommitments.pledge(TestTokens.countyAdmin(),
                TestCommitments.practicalBody(organization, pledgedOn, LocalDate.parse(due)));
    }

    private static void evaluate(String commitment, String rating) {
        given().header("X-Forwarded-For", "192.0.2.50-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"rating\":\"" + rating + "\"}")
                .when().post("/commitments/" + commitment + "/evaluations").then().statusCode(201);
    }

    private static ValidatableResponse figures(String organization) {
        return given().auth().oauth2(TestTokens.countyAdmin()).when().get("/statistics/organizations/" + organization)
                .then().statusCode(200);
    }
}
