package cn.gov.partyaffairs.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two gateway replicas on the one event log: each streams every event (whichever replica applied it), with the same
 * ids in the same order, and a client that drops off one resumes on the other with Last-Event-ID and gets exactly
 * what it missed.
 */
class StreamReplicasIT {

    private final String gateway = Suite.gateway();

    @Test
    void everyReplicaStreamsEverythingAndAClientResumesOnTheOther() throws Exception {
        String marker = "TWO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = Suite.token("admin");
        try (Replica second = Replica.start("gateway", "GATEWAY_PORT")) {
            String lastSeen;
            try (SseClient one = new SseClient(gateway + "/api/public/stream", null, null).connected();
                 SseClient two = new SseClient(second.url() + "/api/public/stream", null, null).connected()) {
                for (int i = 1; i <= 3; i++) {
                    register(admin, marker + "-" + i);
                }
                // untilAsserted: a time-out says what each replica's client had by then
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(List.of(3, 3),
                        List.of(one.containing(marker).size(), two.containing(marker).size()),
                        "frames of the three registrations on the first replica's client and on the second's"));
                assertEquals(ids(one.containing(marker)), ids(two.containing(marker)), "the same events, ids and order");
                lastSeen = one.containing(marker + "-2").get(0).id();
            }
            register(admin, marker + "-4");
            register(admin, marker + "-5");
            try (SseClient resumed = new SseClient(second.url() + "/api/public/stream", lastSeen, null).connected()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertFalse(
                        resumed.containing(marker + "-5").isEmpty(), "the resumed client had " + resumed.containing(marker)));
                Thread.sleep(500);
                List<SseClient.Event> seen = resumed.containing(marker);
                assertEquals(3, seen.size(), "exactly what it missed, once each: " + seen);
                for (int i = 0; i < 3; i++) {
                    assertEquals(true, seen.get(i).data().contains(marker + "-" + (i + 3)), seen.toString());
                }
            }
        }
    }

    private static List<String> ids(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::id).toList();
    }

    private void register(String admin, String code) {
        var answer = Suite.post(gateway + "/api/internal/organizations", admin,
                "{\"code\":\"" + code + "\",\"name\":\"双副本测试党支部\",\"type\":\"village-branch\"}");
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
