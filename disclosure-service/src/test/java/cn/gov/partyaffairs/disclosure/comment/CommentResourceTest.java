package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.disclosure.TestDisclosures;
import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** 已有N人发表了评论: the public comments, moderation holds them, markup never comes back, limits hold. */
@QuarkusTest
class CommentResourceTest {

    private String organization;
    private String disclosure;
    private String client;

    @BeforeEach
    void aPublishedPublicDisclosure() {
        organization = TestOrganizations.code();
        TestOrganizations.register(organization, "village-branch", null);
        disclosure = TestDisclosures.publish(organization, "PUBLIC", "C8-01", "disclosure-board", "2017-03-01",
                "2017-04-30", TestTokens.countyAdmin());
        client = "203.0.113." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
    }

    private RequestSpecification visitor() {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON);
    }

    private String comment(String body) {
        return visitor().body("{\"authorName\":\"<b>村民</b>张先生\",\"body\":\"" + body + "\"}")
                .when().post("/disclosures/" + disclosure + "/comments")
                .then().statusCode(202).body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    @Test
    void aCommentIsHeldUntilApprovedThenCountedAndNoScriptComesBack() {
        String id = comment("<script>alert('x')</script>道路修好了，出行方便多了！&lt;script&gt;");
        given().when().get("/disclosures/" + disclosure + "/comments")
                .then().statusCode(200).body("count", equalTo(0));
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/comments/pending")
                .then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/comments/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().when().get("/disclosures/" + disclosure + "/comments")
                .then().statusCode(200)
                .body("count", equalTo(1))
                .body("comments[0].authorName", equalTo("村民张先生"))
                .body("comments[0].body", not(containsString("<")))
                .body("comments[0].body", containsString("道路修好了，出行方便多了！"));
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/comments/" + id + "/approve")
                .then().statusCode(409).body("currentState", equalTo("APPROVED"));
    }

    @Test
    void aRejectedCommentKeepsItsReasonAndIsNeverShown() {
        String id = comment("广告：低价出售");
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON).body("{\"reason\":\"含广告内容\"}")
                .when().post("/comments/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("rejectReason", equalTo("含广告内容"));
        given().when().get("/disclosures/" + disclosure + "/comments").then().body("count", equalTo(0));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON).body("{}")
                .when().post("/comments/" + id + "/reject").then().statusCode(400);
    }

    @Test
    void onlyCountyModeratorsModerate() {
        String id = comment("很好");
        given().auth().oauth2(TestTokens.clerk(organization)).when().post("/comments/" + id + "/approve")
                .then().statusCode(403);
        given().when().post("/comments/" + id + "/approve").then().statusCode(401);
    }

    @Test
    void partyInternalAndUnpublishedDisclosuresTakeNoComments() {
        String internal = TestDisclosures.publish(organization, "PARTY_WIDE", "C6-02", "meeting", "2017-05-01",
                "2017-06-30", TestTokens.countyAdmin());
        visitor().body("{\"body\":\"你好\"}").when().post("/disclosures/" + internal + "/comments").then().statusCode(404);
        given().when().get("/disclosures/" + internal + "/comments").then().statusCode(404);
        visitor().body("{\"body\":\"你好\"}").when().post("/disclosures/" + UUID.randomUUID() + "/comments").then().statusCode(404);
    }

    @Test
    void commentsAreBoundedAndRateLimitedPerClient() {
        visitor().body("{\"body\":\"" + "长".repeat(501) + "\"}").when().post("/disclosures/" + disclosure + "/comments")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        visitor().body("{\"body\":\"<script>only markup</script>\"}").when().post("/disclosures/" + disclosure + "/comments")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        for (int i = 0; i < 5; i++) {
            comment("第" + i + "条意见");
        }
        visitor().body("{\"body\":\"第六条\"}").when().post("/disclosures/" + disclosure + "/comments")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("urn:partyaffairs:problem:rate-limited"));
        given().header("X-Forwarded-For", "198.51.100.7-" + UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"body\":\"另一位群众\"}").when().post("/disclosures/" + disclosure + "/comments")
                .then().statusCode(202);
    }
}
