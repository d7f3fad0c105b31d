package cn.gov.partyaffairs.gateway.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Every answer carries the protection headers — pages, static scripts, JSON, problems and 401s — and the pages'
 * policy allows no inline script or style and no framing.
 */
@QuarkusTest
class ProtectionHeadersTest {

    private static ValidatableResponse isProtected(ValidatableResponse response) {
        return response
                .header("Content-Security-Policy", allOf(containsString("frame-ancestors 'none'"),
                        containsString("default-src 'self'"), containsString("script-src 'self'"),
                        containsString("style-src 'self'"), not(containsString("unsafe-inline")),
                        not(containsString("unsafe-eval"))))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }

    @Test
    void pagesAndTheirFilesAreProtected() {
        isProtected(given().when().get("/").then().statusCode(200));
        isProtected(given().when().get("/console.html").then().statusCode(200));
        isProtected(given().when().get("/js/common.js").then().statusCode(200));
        isProtected(given().when().get("/css/site.css").then().statusCode(200));
    }

    @Test
    void jsonProblemsAndRefusalsAreProtectedToo() {
        isProtected(given().when().get("/api/public/organizations").then().statusCode(200));
        isProtected(given().queryParam("size", 0).when().get("/api/public/organizations").then().statusCode(400));
        isProtected(given().when().get("/api/internal/dashboard").then().statusCode(401));
        isProtected(given().when().get("/web-config.json").then().statusCode(200));
    }

    @Test
    void theConsoleMayTalkToTheRealmButNothingElseOutside() {
        given().when().get("/console.html").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' http://"));
    }
}
