package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    private static Process secondReplica;
    private static String secondUrl;

    @BeforeAll
    static void startASecondReplica() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        secondUrl = "http://localhost:" + port;
        Path root = Path.of(env("SUITE_ROOT", ".."));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                root.resolve("disclosure-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(env("SUITE_RUN", ".suite")).resolve("logs/disclosure-replica-2.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("DISCLOSURE_PORT", Integer.toString(port));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + env("KAFKA_PORT", "9092"));
        environment.put("OIDC_AUTH_SERVER_URL", "http://localhost:" + env("KEYCLOAK_PORT", "8180") + "/realms/county");
        secondReplica = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Suite.get(secondUrl + "/q/health/ready", null).statusCode() == 200);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (secondReplica != null) {
            secondReplica.destroy();
            secondReplica.waitFor();
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
            checks.add(CompletableFuture.supplyAsync(() -> Suite.post(secondUrl + "/compliance/check", admin, "")));
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
            Map<String, Integer> perLapse = overdueEventsOf(code);
            assertEquals(expected, perLapse.size(), "one lapse, one obligation: " + perLapse);
            perLapse.forEach((obligation, count) -> assertEquals(1, count, "events for lapse " + obligation));
        });
    }

    /** DisclosureOverdue events of the organization on the broker, counted per obligation. */
    private static Map<String, Integer> overdueEventsOf(String code) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + env("KAFKA_PORT", "9092"));
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("disclosure.events", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith(".DisclosureOverdue.v1")
                            && record.value().contains("\"organizationCode\":\"" + code + "\"")) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
