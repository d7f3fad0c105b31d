package cn.gov.partyaffairs.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A department's webhook receiver, as the tests' stand-in: a real HTTP server on a free port that checks each
 * delivery's signature on its own (plain JDK HMAC, not the gateway's code) and keeps what it accepted. It can
 * answer 503, hang, or be stopped and started again on the same port, to play a receiver that is down.
 */
final class HookReceiver implements AutoCloseable {

    enum Mode { ACCEPT, UNAVAILABLE, HANG }

    /** One accepted delivery: the CloudEvent as received and the headers that came with it. */
    record Delivery(JsonNode cloudEvent, Map<String, String> headers, byte[] body) {
        String id() {
            return cloudEvent.path("id").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path = "/hooks/" + UUID.randomUUID();
    private final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    /** Every request that reached the handler, accepted or not, by event id. */
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    /** The secret of each subscription that delivers here, as a receiver keeps them: by X-Webhook-Subscription. */
    private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile long acceptDelayMillis;
    /** Requests being handled right now per subscription, and the most ever seen at once. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> concurrent = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;
    private int port;
    /** The loopback address it listens on (any of 127.0.0.0/8 works on Linux). */
    private final String host;

    HookReceiver() {
        this("127.0.0.1");
    }

    HookReceiver(String host) {
        this.host = host;
    }

    HookReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext(path, this::handle);
        server.setExecutor(executor);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops listening: the gateway's connections are refused until {@link #start()} again (same port). */
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://" + host + ":" + port + path;
    }

    void secret(String subscriptionId, String secret) {
        secrets.put(subscriptionId, secret);
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** Takes this long over each accepted delivery, so that overlapping deliveries would be seen. */
    void acceptDelay(long millis) {
        this.acceptDelayMillis = millis;
    }

    /** The most deliveries for one subscription that were ever in progress at the same time. */
    int mostAtOnceForOneSubscription() {
        return mostAtOnce.get();
    }

    List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        accepted.forEach(d -> ids.add(d.id()));
        return ids;
    }

    /** The accepted deliveries of these events, in arrival order (other tests' events are left out). */
    List<String> acceptedIds(java.util.Collection<String> mine) {
        return acceptedIds().stream().filter(mine::contains).toList();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String eventId = exchange.getRequestHeaders().getFirst("X-Webhook-Id");
            requests.add(String.valueOf(eventId));
            Mode now = mode;
            if (now == Mode.HANG) {
                sleep(3000); // well past the gateway's timeout in tests; what it answers then no one hears
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (now == Mode.UNAVAILABLE) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            String subscription = exchange.getRequestHeaders().getFirst("X-Webhook-Subscription");
            if (!validSignature(subscription == null ? null : secrets.get(subscription), signature, body)) {
                badSignatures.add(String.valueOf(eventId));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            var inProgress = concurrent.computeIfAbsent(subscription, k -> new java.util.concurrent.atomic.AtomicInteger());
            mostAtOnce.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            try {
                if (acceptDelayMillis > 0) {
                    sleep(acceptDelayMillis);
                }
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                accepted.add(new Delivery(JSON.readTree(body), headers, body));
            } finally {
                inProgress.decrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** What a receiver does: HMAC-SHA256 of the raw body with the secret's UTF-8 bytes, compared in constant time. */
    private static boolean validSignature(String key, String header, byte[] body) {
        if (header == null || key == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
