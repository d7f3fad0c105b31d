package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real replicas of the disclosure service on one database: cadence checks fired at both at once still send
 * exactly one DisclosureOverdue per lapse, counted on the real broker.
 */
class CadenceReplicasIT {

    private static Replica second;

    @BeforeAll
    static void startASecondReplica() throws IOException {
        second = Replica.start("disclosure-service", "DISCLOSURE_PORT");
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void concurrentChecksOnTwoReplicasSendOneOverduePerLapse() {
        String admin = Suite.token("admin");
        String code = "RPL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // A township committee brought in from paper, disclosing since four months ago, that never disclosed.
        HttpResponse<String> created = Suite.post(Suite.gateway() + "/api/internal/organizations", admin, """
                {"code":"%s","name":"复制测试镇党委","type":"township-committee","disclosingSince":"%s"}"""
                .formatted(code, LocalDate.now().minusMonths(4).withDayOfMonth(1)));
        assertEquals(201, created.statusCode(), created.body());

        String first = Suite.service("DISCLOSURE_PORT", "8081");
        List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checks.add(CompletableFuture.supplyAsync(() -> Suite.post(first + "/compliance/check", admin, "")));
            checks.add(CompletableFuture.supplyAsync(() -> Suite.post(second.url() + "/compliance/check", admin, "")));
        }
        checks.forEach(check -> assertEquals(200, check.join().statusCode()));

        JsonNode compliance = Suite.json(Suite.get(first + "/compliance?organization=" + code, admin));
        long missing = 0;
        for (JsonNode period : compliance) {
            if (period.get("state").asText().equals("MISSING")) {
                missing++;
            }
        }
        assertTrue(missing >= 3, "four months back, at least three monthly periods have lapsed: " + compliance);
        long expected = missing;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Integer> perLapse = Suite.eventsPerAggregate("disclosure.events", ".DisclosureOverdue.v1",
                    "\"organizationCode\":\"" + code + "\"");
            assertEquals(expected, perLapse.size(), "one lapse, one obligation: " + perLapse);
            perLapse.forEach((obligation, count) -> assertEquals(1, count, "events for lapse " + obligation));
        });
    }
}
