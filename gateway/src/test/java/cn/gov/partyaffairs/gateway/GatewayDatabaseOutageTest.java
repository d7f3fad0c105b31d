package cn.gov.partyaffairs.gateway;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.StoppablePostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

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
 * The gateway's own PostgreSQL really stops and starts again: meanwhile a read that needs it is a 503 problem with
 * Retry-After, and an event that arrives is held, not parked; afterwards the gateway recovers without a restart,
 * applies that event, and its reads answer again.
 */
@QuarkusTest
@TestProfile(GatewayDatabaseOutageTest.OwnDatabase.class)
class GatewayDatabaseOutageTest {

    /** The gateway's datasource on a server of this test's own, which it may stop; not the module's shared one. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(StoppablePostgresTestResource.class, Map.of("database", "gateway")),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void readsAre503DuringTheOutageAndAnEventSentMeanwhileIsAppliedAfterIt() {
        String before = TestEvents.code("BEFORE");
        TestEvents.organization(UUID.randomUUID(), before, "village-branch", null);
        await().atMost(PATIENCE).until(() -> listed(before));

        StoppablePostgresTestResource.stopServer();
        String during = TestEvents.code("DURING");
        UUID duringId = UUID.randomUUID();
        try {
            // A query no cache can answer: it needs the database.
            given().queryParam("q", TestEvents.code("NOTHING")).when().get("/api/public/organizations")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:partyaffairs:problem:service-unavailable"))
                    .body("detail", containsString("没有保存任何内容"));
            TestEvents.organization(duringId, during, "village-branch", null);
        } finally {
            StoppablePostgresTestResource.startServer();
        }

        // No restart of the gateway: the consumer retried the event in place until the database answered.
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> listed(during));
        assertEquals(0, EventProbe.recordsWithKey("dlq.gateway", duringId.toString(), 0).size(),
                "an outage parks nothing");
        given().queryParam("q", before).when().get("/api/public/organizations")
                .then().statusCode(200).body("total", equalTo(1));
    }

    private static boolean listed(String code) {
        var response = given().queryParam("q", code).when().get("/api/public/organizations");
        return response.statusCode() == 200 && Integer.valueOf(1).equals(response.path("total"));
    }
}
