package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Public reads come from memory while nothing changes, and show a change as soon as it is applied: the cache never
 * outlives the read models it was read from.
 */
@QuarkusTest
class CachedReadsTest {

    @Test
    void aBrowserWithTheSameCopyGetsNotModified() {
        Response first = given().get("/api/public/statistics");
        first.then().statusCode(200);
        String etag = first.getHeader("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).get("/api/public/statistics").then().statusCode(304);
    }

    @Test
    void anAppliedEventShowsOnTheNextRead() {
        String code = TestEvents.code("CACHE");
        given().get("/api/public/organizations?q=" + code).then().statusCode(200);
        Response before = given().get("/api/public/organizations?q=" + code);
        assertEquals(0, before.jsonPath().getInt("total"));
        TestEvents.organization(UUID.randomUUID(), code, "village-branch", null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/public/organizations?q=" + code).jsonPath().getInt("total") == 1);
        assertNotEquals(before.getHeader("ETag"), given().get("/api/public/organizations?q=" + code).getHeader("ETag"));
    }
}
