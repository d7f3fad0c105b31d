package cn.gov.partyaffairs.gateway.rest;

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

    @Test
    void aServiceThatDoesNotAnswerGivesA503Problem() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"YP-X1\",\"name\":\"x\",\"type\":\"school\"}")
                .when().post("/api/internal/organizations")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"));
    }

    @Test
    void aPageSizeOutOfBoundsIsA400Problem() {
        given().queryParam("size", 100000).when().get("/api/public/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }
}
