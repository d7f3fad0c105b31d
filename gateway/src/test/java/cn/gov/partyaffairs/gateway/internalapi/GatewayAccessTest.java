package cn.gov.partyaffairs.gateway.internalapi;

import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Public paths are anonymous and ignore bad tokens; internal paths need a real token; a service that does not
 * answer is a 503 problem, not a hang. (In tests the services' URLs point at ports where nothing listens.)
 */
@QuarkusTest
class GatewayAccessTest {

    @Test
    void publicPathsAreAnonymousAndIgnoreABadToken() {
        given().when().get("/api/public/organizations").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token")
                .when().get("/api/public/organizations").then().statusCode(200);
    }

    @Test
    void internalPathsNeedAToken() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/internal/organizations").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON).body("{}")
                .when().post("/api/internal/organizations").then().statusCode(401);
    }

    /**
     * An evaluation is forwarded with a citizen's token, anonymously with any other: a bad token is no reason to
     * refuse it here (the service does not answer in tests: 503, never 401).
     */
    @Test
    void anEvaluationWithABadOrACitizensTokenIsForwardedNotRefused() {
        String path = "/api/v1/public/commitments/" + java.util.UUID.randomUUID() + "/evaluations";
        for (String token : new String[] {"not-a-token", TestTokens.citizen("citizen"), TestTokens.countyAdmin()}) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"rating\":\"SATISFIED\"}")
                    .when().post(path).then().statusCode(503)
                    .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"));
        }
    }

    /** A citizen signs in to evaluate as one person (through the public path), never to read or act inside. */
    @Test
    void aCitizensTokenDoesNotOpenTheInternalPaths() {
        String citizen = TestTokens.citizen("citizen");
        given().auth().oauth2(citizen).when().get("/api/v1/internal/dashboard").then().statusCode(403);
        given().auth().oauth2(citizen).when().get("/api/internal/disclosures").then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/v1/internal/dashboard").then().statusCode(200);
    }

    @Test
    void aServiceThatDoesNotAnswerGivesA503Problem() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"YP-X1\",\"name\":\"x\",\"type\":\"school\"}")
                .when().post("/api/internal/organizations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"));
    }

    @Test
    void aPageSizeOutOfBoundsIsA400Problem() {
        given().queryParam("size", 100000).when().get("/api/public/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    /**
     * The forwarder passes on plain API paths only: none of these reaches a service (here it would be a 503, as
     * nothing listens), each is refused as a 400 problem naming the path. (An empty segment, "//", is collapsed by
     * the test's HTTP client before sending; ForwardedPathTest covers it.)
     */
    @Test
    void theForwarderRefusesPathsThatLeaveTheServicesApi() {
        for (String path : java.util.List.of("/api/internal/units/..;/q/metrics", "/api/internal/units/..;/q/openapi",
                "/api/internal/findings/..;/q/health", "/api/internal/units/%2e%2e/%2e%2e/q/metrics",
                "/api/internal/units/%2E%2E%2Fq%2Fmetrics", "/api/internal/units/a%2fb", "/api/internal/units/x;a=b",
                "/api/internal/units/x%5c..%5cq", "/api/internal/units/.%2e/q/metrics")) {
            given().urlEncodingEnabled(false).auth().oauth2(TestTokens.countyAdmin())
                    .when().get(path).then()
                    .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                    .contentType("application/problem+json");
        }
        given().urlEncodingEnabled(false).auth().oauth2(TestTokens.countyAdmin())
                .when().get("/api/internal/units/..;/q/metrics").then()
                .statusCode(400).body("errors[0].field", equalTo("path"));
        // A plain path is still forwarded (and here meets the 503 of a service that does not answer).
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/internal/units/YP-V001").then().statusCode(503);
    }

    /** The gateway accepts only tokens meant for it (and so passes on only those, which name the services too). */
    @Test
    void aTokenMeantForAnotherAudienceIsRefused() {
        given().auth().oauth2(TestTokens.countyAdminFor("account")).when().get("/api/internal/dashboard")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.countyAdminFor("gateway")).when().get("/api/internal/dashboard")
                .then().statusCode(200);
    }
}
