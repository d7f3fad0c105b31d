package cn.gov.partyaffairs.e2e;

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
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two real replicas of the commitment service on one database: overdue checks fired at both at once still send
 * exactly one CommitmentOverdue per commitment, counted on the real broker.
 */
class CommitmentReplicasIT {

    private static Replica second;

    @BeforeAll
    static void startASecondReplica() throws IOException {
        second = Replica.start("commitment-service", "COMMITMENT_PORT");
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void concurrentChecksOnTwoReplicasSendOneOverduePerCommitment() {
        String admin = Suite.token("admin");
        String first = Suite.service("COMMITMENT_PORT", "8082");
        // Practical things of the demo clerk's village, brought in from paper, due last month and never fulfilled.
        String marker = "复制测试-" + System.nanoTime();
        StringBuilder ledger = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            ledger.append(i == 0 ? "" : ",").append("""
                    {"pledge":{"kind":"PRACTICAL_THING","title":"%s-%d","organizationCode":"YP-V001","responsible":"村支书",
                     "pledgedOn":"%s","dueDate":"%s"}}""".formatted(marker, i, LocalDate.now().minusMonths(3),
                    LocalDate.now().minusMonths(1)));
        }
        HttpResponse<String> recorded = Suite.post(first + "/commitments/ledger", admin, ledger.append("]").toString());
        assertEquals(200, recorded.statusCode(), recorded.body());

        List<CompletableFuture<HttpResponse<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checks.add(CompletableFuture.supplyAsync(() -> Suite.post(first + "/commitments/overdue-check", admin, "")));
            checks.add(CompletableFuture.supplyAsync(() -> Suite.post(second.url() + "/commitments/overdue-check", admin, "")));
        }
        checks.forEach(check -> assertEquals(200, check.join().statusCode()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Integer> perCommitment = Suite.eventsPerAggregate("commitment.events", ".CommitmentOverdue.v1",
                    "\"title\":\"" + marker + "-");
            assertEquals(5, perCommitment.size(), "every commitment overdue: " + perCommitment);
            perCommitment.forEach((commitment, count) -> assertEquals(1, count, "events for " + commitment));
        });
    }
}
