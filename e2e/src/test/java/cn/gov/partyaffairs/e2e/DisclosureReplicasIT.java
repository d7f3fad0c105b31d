package cn.gov.partyaffairs.e2e;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two disclosure-service replicas on one database and one outbox, for the length of this test: commands sent to
 * both at once leave the outbox once each and in each aggregate's order, whichever replica's relay sends them — on
 * the broker, in the gateway's public stream and to a webhook receiver; a disclosure whose workflow steps alternate
 * between the replicas has versions 1…5 on its topic, in order.
 */
class DisclosureReplicasIT {

    private static final int ORGANIZATIONS = 12;
    private static final String REGISTERED = "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1";

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Test
    void bothRelaysSendEveryEventOnceInOrder() throws Exception {
        String marker = "DUO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String admin = Suite.token("admin");
        String gateway = Suite.gateway();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        // The receiver listens on loopback: the county admin allows that range for as long as the test runs.
        HttpResponse<String> allowed = Suite.post(gateway + "/api/internal/webhooks/allowed-ranges", admin, """
                {"cidr":"127.0.0.1/32","reason":"双副本测试的接收方"}""");
        String integration = Suite.clientToken("integration-demo", "integration-secret");
        HttpResponse<String> subscribed = Suite.post(gateway + "/api/internal/webhooks", integration, """
                {"url":"http://127.0.0.1:%d/hook","types":["%s"]}""".formatted(receiver.getAddress().getPort(), REGISTERED));
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        String subscription = Suite.json(subscribed).get("id").asText();
        try (Replica second = Replica.start("disclosure-service", "DISCLOSURE_PORT");
             SseClient stream = new SseClient(gateway + "/api/public/stream", null, null).connected()) {
            List<String> replicas = List.of(Suite.service("DISCLOSURE_PORT", "8081"), second.url());

            // Registrations on both replicas at once: both relays wake on their commits and race for the outbox.
            List<CompletableFuture<HttpResponse<String>>> registrations = new ArrayList<>();
            for (int i = 0; i < ORGANIZATIONS; i++) {
                String replica = replicas.get(i % 2);
                String code = marker + "-" + i;
                registrations.add(CompletableFuture.supplyAsync(() -> Suite.post(replica + "/organizations", admin, """
                        {"code":"%s","name":"双副本测试党支部","type":"village-branch"}""".formatted(code))));
            }
            registrations.forEach(answer -> assertEquals(201, answer.join().statusCode(), answer.join().body()));

            String disclosure = workflowAcross(replicas, marker);

            await().atMost(Duration.ofSeconds(60)).until(() -> Suite.eventsPerAggregate("disclosure.events",
                    ".OrganizationRegistered.v1", marker).size() == ORGANIZATIONS);
            Map<String, Integer> perOrganization = Suite.eventsPerAggregate("disclosure.events", ".OrganizationRegistered.v1", marker);
            perOrganization.forEach((key, count) -> assertEquals(1, count, "registered once on the broker: " + key));
            await().atMost(Duration.ofSeconds(60)).until(() -> versionsOnTheTopic(disclosure).size() >= 5);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), versionsOnTheTopic(disclosure),
                    "drafted, submitted, reviewed, approved, published on alternate replicas: each version once, in order");

            await().atMost(Duration.ofSeconds(60)).until(() -> registrations(stream, marker).size() >= ORGANIZATIONS
                    && receivedWith(marker + "-").size() >= ORGANIZATIONS);
            Thread.sleep(1500); // anything sent twice would arrive by now
            List<SseClient.Event> streamed = registrations(stream, marker);
            assertEquals(ORGANIZATIONS, streamed.size(), "each registration streamed once: " + streamed);
            assertEquals(ORGANIZATIONS, new HashSet<>(streamed.stream().map(SseClient.Event::id).toList()).size());
            assertEquals(ORGANIZATIONS, receivedWith(marker + "-").size(), "each registration delivered once");
            assertEquals(ORGANIZATIONS, new HashSet<>(receivedWith(marker + "-").stream()
                    .map(DisclosureReplicasIT::cloudEventId).toList()).size(), "distinct CloudEvents");
        } finally {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/internal/webhooks/" + subscription))
                    .header("Authorization", "Bearer " + integration).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            if (allowed.statusCode() == 201) {
                // Left as it was: the webhook test expects a loopback receiver to be refused until it allows it.
                http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/internal/webhooks/allowed-ranges/127.0.0.1/32"))
                        .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
            receiver.stop(0);
        }
    }

    /** One disclosure, each step on the other replica than the one before (four eyes: clerk, admin, approver). */
    private static String workflowAcross(List<String> replicas, String marker) {
        String clerk = Suite.token("clerk");
        String admin = Suite.token("admin");
        String approver = Suite.token("approver");
        HttpResponse<String> drafted = Suite.post(replicas.get(1) + "/disclosures", clerk, """
                {"organizationCode":"YP-V001","itemCodes":["C8-01"],"title":"双副本测试 %s","body":"本期公开内容。",
                 "periodStart":"%s","periodEnd":"%s","scope":"PUBLIC","plannedChannels":["disclosure-board"],
                 "plannedPublicationAt":"%s"}""".formatted(marker, LocalDate.now().withDayOfMonth(1),
                LocalDate.now().withDayOfMonth(1).plusMonths(2).minusDays(1), OffsetDateTime.now().minusMinutes(1)));
        assertEquals(201, drafted.statusCode(), drafted.body());
        String id = Suite.json(drafted).get("id").asText();
        String path = "/disclosures/" + id;
        assertStep(Suite.post(replicas.get(0) + path + "/submit", clerk, "{\"attestNoSecrets\":true}"));
        assertStep(Suite.post(replicas.get(1) + path + "/review", admin,
                "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}"));
        assertStep(Suite.post(replicas.get(0) + path + "/approve", approver, ""));
        assertStep(Suite.post(replicas.get(1) + path + "/publish", clerk, "{\"channels\":[\"disclosure-board\"]}"));
        return id;
    }

    private static void assertStep(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** The registrations of this test on the stream (the cadence engine's outcomes for them name them too). */
    private static List<SseClient.Event> registrations(SseClient stream, String marker) {
        return stream.containing(marker + "-").stream().filter(e -> "OrganizationRegistered".equals(e.name())).toList();
    }

    private static String cloudEventId(String body) {
        try {
            return Suite.JSON.readTree(body).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a CloudEvent: " + body, e);
        }
    }

    private List<String> receivedWith(String marker) {
        return received.stream().filter(body -> body.contains(marker)).toList();
    }

    /** The aggregate versions of one aggregate's events on the topic, in the order the topic holds them. */
    private static List<Long> versionsOnTheTopic(String aggregate) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + Suite.env("KAFKA_PORT", "9092"));
        List<Long> versions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("disclosure.events", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header version = record.headers().lastHeader("ce_aggregateversion");
                    if (aggregate.equals(record.key()) && version != null) {
                        versions.add(Long.parseLong(new String(version.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return versions;
    }
}
