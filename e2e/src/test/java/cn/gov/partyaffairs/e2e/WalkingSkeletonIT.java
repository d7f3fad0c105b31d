package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The walking skeleton through the started suite: real Keycloak tokens, real Kafka, real PostgreSQL. */
class WalkingSkeletonIT {

    private static String uniqueCode() {
        return "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String organization(String code) {
        return """
                {"code":"%s","name":"玉屏县测试村党支部","type":"village-branch"}""".formatted(code);
    }

    private static boolean publiclyListed(String code) {
        HttpResponse<String> list = Suite.get(Suite.gateway() + "/api/v1/public/organizations?q=" + code, null);
        assertEquals(200, list.statusCode(), list.body());
        return Suite.json(list).get("total").asLong() == 1;
    }

    @Test
    void anOrganizationRegisteredByAnAdminIsPublicWhenTheCommandReturns() {
        String code = uniqueCode();
        HttpResponse<String> created = Suite.post(Suite.gateway() + "/api/v1/internal/organizations",
                Suite.token("admin"), organization(code));

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/internal/organizations/" + code, created.headers().firstValue("Location").orElseThrow());
        // Read-your-writes: the gateway answered only after its read model applied the event.
        assertTrue(publiclyListed(code), "listed right after the command returned");
        JsonNode one = Suite.json(Suite.get(Suite.gateway() + "/api/v1/public/organizations/" + code, null)).get("organization");
        assertEquals("玉屏县测试村党支部", one.get("name").asText());
        assertEquals(2, one.get("cadenceMonths").asInt(), "a village branch discloses every two months");
    }

    @Test
    void commitmentAndSupervisionServicesKeepTheirOwnCopy() {
        String code = uniqueCode();
        String admin = Suite.token("admin");
        assertEquals(201, Suite.post(Suite.gateway() + "/api/v1/internal/organizations", admin, organization(code))
                .statusCode());
        for (String[] service : new String[][] {{"COMMITMENT_PORT", "8082"}, {"SUPERVISION_PORT", "8083"}}) {
            String url = Suite.service(service[0], service[1]) + "/organizations/" + code;
            await().atMost(Duration.ofSeconds(30)).until(() -> Suite.get(url, admin).statusCode() == 200);
        }
    }

    @Test
    void withoutATokenTheInternalPathAnswers401() {
        HttpResponse<String> response = Suite.post(Suite.gateway() + "/api/v1/internal/organizations", null,
                organization(uniqueCode()));
        assertEquals(401, response.statusCode());
    }

    @Test
    void aClerkMayNotRegisterOrganizations() {
        HttpResponse<String> response = Suite.post(Suite.gateway() + "/api/v1/internal/organizations",
                Suite.token("clerk"), organization(uniqueCode()));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aBadBodyGetsA400ProblemNamingTheField() {
        HttpResponse<String> response = Suite.post(Suite.gateway() + "/api/v1/internal/organizations",
                Suite.token("admin"), """
                        {"code":"bad code","name":"","type":"village-branch"}""");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode problem = Suite.json(response);
        assertEquals("urn:partyaffairs:problem:validation", problem.get("type").asText());
        assertEquals("code", problem.get("errors").get(0).get("field").asText());
        assertEquals("name", problem.get("errors").get(1).get("field").asText());
    }

    @Test
    void publicPathsIgnoreABadToken() {
        assertEquals(200, Suite.get(Suite.gateway() + "/api/v1/public/organizations", "not-a-token").statusCode());
    }

    @Test
    void anOrganizationRegisteredWhileKafkaIsDownArrivesWhenKafkaIsBack() {
        String code = uniqueCode();
        String admin = Suite.token("admin");
        Suite.kafka("stop");
        try {
            HttpResponse<String> accepted = Suite.post(Suite.gateway() + "/api/v1/internal/organizations", admin,
                    organization(code));
            // Stored by the disclosure service; the read model cannot see it yet, so the gateway says 202.
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertEquals("pending", accepted.headers().firstValue("Read-Model").orElse(null));
            assertTrue(!publiclyListed(code));
        } finally {
            Suite.kafka("start");
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> publiclyListed(code));
    }
}
