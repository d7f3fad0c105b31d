package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another department's system, started here, subscribes through the gateway with the realm's demo service account:
 * it gets each public disclosure as a correctly signed CloudEvent, and after being down for a while every delivery it
 * missed, in order, once.
 */
class WebhookIT {

    private HttpServer receiver;
    private volatile boolean down;
    private volatile String secret;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = 204;
            if (down) {
                status = 503;
            } else if (!signatureOf(body).equals(exchange.getRequestHeaders().getFirst("X-Webhook-Signature"))) {
                badSignatures.add(new String(body, StandardCharsets.UTF_8));
                status = 401;
            } else {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private String signatureOf(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> receivedWith(String marker) {
        return received.stream().filter(body -> body.contains(marker)).toList();
    }

    @Test
    void signedDeliveriesAndEveryMissedOneAfterAnOutage() throws Exception {
        String url = startReceiver();
        String integration = Suite.clientToken("integration-demo", "integration-secret");
        // The receiver listens on the loopback address: refused until the county admin allows that range.
        HttpResponse<String> refused = Suite.post(Suite.gateway() + "/api/internal/webhooks", integration, """
                {"url":"%s"}""".formatted(url));
        assertEquals(400, refused.statusCode(), refused.body());
        String admin = Suite.token("admin");
        HttpResponse<String> allowed = Suite.post(Suite.gateway() + "/api/internal/webhooks/allowed-ranges", admin, """
                {"cidr":"127.0.0.1/32","reason":"端到端测试的接收方"}""");
        assertEquals(201, allowed.statusCode(), allowed.body());
        HttpResponse<String> subscribed = Suite.post(Suite.gateway() + "/api/internal/webhooks", integration, """
                {"url":"%s","types":["cn.gov.partyaffairs.disclosure.DisclosurePublished.v1"]}""".formatted(url));
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        JsonNode subscription = Suite.json(subscribed);
        secret = subscription.get("secret").asText();
        String id = subscription.get("id").asText();
        String marker = "回调-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Workflow.publish(marker + "-一", "PUBLIC", "\"disclosure-board\"");
            await().atMost(Duration.ofSeconds(20)).until(() -> receivedWith(marker).size() == 1);
            JsonNode cloudEvent = Suite.JSON.readTree(receivedWith(marker).get(0));
            assertEquals("cn.gov.partyaffairs.disclosure.DisclosurePublished.v1", cloudEvent.get("type").asText());
            assertEquals("1.0", cloudEvent.get("specversion").asText());

            down = true;
            Workflow.publish(marker + "-二", "PUBLIC", "\"disclosure-board\"");
            Workflow.publish(marker + "-党内", "PARTY_WIDE", "\"meeting\"");
            Workflow.publish(marker + "-三", "PUBLIC", "\"county-website\"");
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(id, integration) >= 2);
            down = false;

            await().atMost(Duration.ofSeconds(90)).until(() -> receivedWith(marker).size() >= 3);
            Thread.sleep(1500);
            List<String> mine = receivedWith(marker);
            assertEquals(3, mine.size(), "each once: " + mine);
            assertTrue(mine.get(1).contains(marker + "-二") && mine.get(2).contains(marker + "-三"), "in order");
            assertTrue(badSignatures.isEmpty(), "every delivery correctly signed");
            assertTrue(mine.stream().noneMatch(body -> body.contains("-党内")), "party-internal never leaves");
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Suite.gateway() + "/api/internal/webhooks/" + id))
                    .header("Authorization", "Bearer " + integration).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static long failedAttempts(String subscription, String token) {
        JsonNode log = Suite.json(Suite.get(Suite.gateway() + "/api/internal/webhooks/" + subscription + "/deliveries", token));
        JsonNode items = log.has("items") ? log.get("items") : log;
        long failed = 0;
        for (JsonNode attempt : items) {
            if (attempt.path("statusCode").asInt() == 503) {
                failed++;
            }
        }
        return failed;
    }
}
