package cn.gov.partyaffairs.gateway.api;

import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's document carries the services' operations under /api/v1/internal, typed, and not the catch-all; the
 * unversioned paths answer as their /api/v1 successors do, with the deprecation headers, under the same rules.
 */
@QuarkusTest
class ApiDocumentAndAliasesTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theDocumentHasTheForwardedOperationsTypedAndNotTheCatchAll() {
        JsonPath document = given().when().get("http://" + management.getHost() + ":" + management.getPort()
                + "/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        assertFalse(paths.keySet().stream().anyMatch(path -> path.contains("{segment}")), paths.keySet().toString());
        assertFalse(paths.keySet().stream().anyMatch(path -> path.startsWith("/api/public")
                || path.startsWith("/api/internal")), "only versioned paths are documented");
        // From each service: its operation as it documents it, the problem responses with it.
        assertEquals("#/components/schemas/CommitmentDto", document.getString(
                "paths.'/api/v1/internal/commitments/{id}/progress'.post.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/Problem", document.getString(
                "paths.'/api/v1/internal/commitments/{id}/progress'.post.responses.'403'.content.'application/problem+json'.schema.'$ref'"));
        assertTrue(paths.containsKey("/api/v1/internal/disclosures/{id}/publish"));
        assertTrue(paths.containsKey("/api/v1/internal/findings/{id}/verify"));
        // The commitment and supervision services' copy of the register is not what the gateway forwards to.
        assertEquals("#/components/schemas/OrganizationDto", document.getString(
                "paths.'/api/v1/internal/organizations/{code}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertTrue(document.getMap("components.schemas").containsKey("PublicDisclosure"));
    }

    @Test
    void anUnversionedPathAnswersAsItsSuccessorAndSaysItIsDeprecated() {
        String current = given().when().get("/api/v1/public/statistics").then().statusCode(200)
                .header("Deprecation", nullValue()).body("compliance", notNullValue()).extract().asString();
        var old = given().when().get("/api/public/statistics").then().statusCode(200)
                .header("Deprecation", matchesPattern("@\\d+"))
                .header("Sunset", containsString("GMT"))
                .extract();
        assertEquals(current, old.asString());
        assertTrue(old.headers().getValues("Link").contains("</api/v1/public/statistics>; rel=\"successor-version\""),
                old.headers().getValues("Link").toString());
        assertTrue(old.headers().getValues("Link").stream().anyMatch(link -> link.contains("rel=\"deprecation\"")));
    }

    @Test
    void anInternalAliasKeepsTheInternalRules() {
        given().when().get("/api/internal/dashboard").then().statusCode(401);
        given().auth().oauth2(TestTokens.clerk("YP-V001")).when().get("/api/internal/dashboard").then().statusCode(200)
                .header("Deprecation", matchesPattern("@\\d+"));
        given().auth().oauth2(TestTokens.integration()).when().get("/api/v1/internal/admin/read-model/digest")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.integration()).when().get("/api/internal/admin/read-model/digest")
                .then().statusCode(403);
    }
}
