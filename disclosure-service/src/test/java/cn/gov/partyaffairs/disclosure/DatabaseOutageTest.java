package cn.gov.partyaffairs.disclosure;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.StoppablePostgresTestResource;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service's own PostgreSQL really stops and starts again (issue 17): meanwhile a command and a read are a 503
 * problem with Retry-After that says nothing was saved, and nothing was; readiness says DOWN. Once the server is back
 * the service recovers by itself: the same command succeeds and its event reaches Kafka through the outbox relay.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** The service's datasource on a server of this test's own, which it may stop; not the module's shared one. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(StoppablePostgresTestResource.class, Map.of("database", "disclosure")),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    EntityManager em;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void duringAnOutageNothingIsSavedAndAfterItTheSameCommandGoesThrough() {
        String code = "DB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = "{\"code\":\"" + code + "\",\"name\":\"朱家场镇党委\",\"type\":\"township-committee\"}";
        // The pool holds live connections before the outage, as it would in production.
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations").then().statusCode(200);
        awaitReady(200);

        StoppablePostgresTestResource.stopServer();
        try {
            ExtractableResponse<Response> refused = register(body).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("没有保存任何内容"))
                    .body("detail", containsString("nothing was saved"))
                    .body("instance", equalTo("/organizations"))
                    .extract();
            assertEquals("5", refused.header("Retry-After"));
            // A second try meets a pool with no connection left to hand out: still a 503, not a 500.
            register(body).then().statusCode(503).header("Retry-After", "5");
            given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + code)
                    .then().statusCode(503).header("Retry-After", "5")
                    .contentType("application/problem+json");
            awaitReady(503);
        } finally {
            StoppablePostgresTestResource.startServer();
        }

        // The service was not restarted: its pool reconnects and readiness comes back by itself.
        awaitReady(200);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + code)
                .then().statusCode(404);
        assertEquals(0L, outboxRowsMentioning(code), "the refused command left no event in the outbox");

        String id = register(body).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + code)
                .then().statusCode(200).body("name", equalTo("朱家场镇党委"));
        assertEquals(1L, outboxRowsMentioning(code));
        await().atMost(PATIENCE).until(() -> pending() == 0);
        var published = EventProbe.recordsWithKey("disclosure.events", id, 1);
        assertEquals(1, published.size(), "the relay survived the outage and sent the event once");
        assertEquals("cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1",
                EventProbe.header(published.get(0), "ce_type"));
    }

    private static Response register(String body) {
        return given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/organizations");
    }

    /** Readiness includes the datasource's check: DOWN (503) while the server is away, UP once it answers. */
    private void awaitReady(int status) {
        String ready = "http://" + management.getHost() + ":" + management.getPort() + "/q/health/ready";
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get(ready).statusCode() == status);
    }

    private long outboxRowsMentioning(String code) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE payload LIKE ?1")
                .setParameter(1, "%" + code + "%").getSingleResult()).longValue());
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL").getSingleResult()).longValue());
    }
}
