package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One HTTP attempt: the event as a CloudEvent in structured JSON mode, signed with the subscription's secret.
 * It never throws for the receiver's sake: whatever happens becomes an {@link Outcome}.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String ID_HEADER = "X-Webhook-Id";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    public static final String SUBSCRIPTION_HEADER = "X-Webhook-Subscription";
    public static final String ATTEMPT_HEADER = "X-Webhook-Attempt";
    private static final int MAX_ERROR = 500;

    private final ObjectMapper mapper;
    private final WebhookConfig config;
    private final HttpClient http;

    private final WebhookTargets targets;

    public WebhookSender(ObjectMapper mapper, WebhookConfig config, WebhookTargets targets) {
        this.targets = targets;
        this.mapper = mapper;
        this.config = config;
        // HTTP/1.1: every receiver speaks it; redirects are not followed (a 3xx is a failed attempt, not a new target).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * What one attempt came to.
     *
     * @param statusCode the receiver's answer, null if none came
     * @param error      why it counts as failed, null if delivered
     */
    public record Outcome(Integer statusCode, String error, Instant attemptedAt, long durationMs) {
        public boolean delivered() {
            return error == null;
        }
    }

    /** The request body: exactly the bytes that are signed. */
    public byte[] body(EventLogEntry event) {
        ObjectNode cloudEvent = mapper.createObjectNode();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId);
        cloudEvent.put("type", event.type);
        cloudEvent.put("source", event.source);
        cloudEvent.put("subject", event.subject.toString());
        cloudEvent.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt));
        cloudEvent.put("aggregateversion", event.aggregateVersion);
        try {
            // Valid JSON is carried verbatim, so that no number loses a digit on the way.
            JsonNode data = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(event.data);
            if (data == null || data.isMissingNode()) {
                throw new JsonParseException(null, "empty");
            }
            cloudEvent.put("datacontenttype", "application/json");
            cloudEvent.putRawValue("data", new RawValue(event.data.strip()));
        } catch (JsonProcessingException e) {
            // Cannot happen for an event the projections parsed; still, say truthfully what the data is.
            cloudEvent.put("datacontenttype", "text/plain");
            cloudEvent.put("data", event.data);
        }
        try {
            return mapper.writeValueAsBytes(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    public Outcome send(UUID subscriptionId, String targetUrl, String secret, EventLogEntry event, int attempt) {
        byte[] body = body(event);
        Instant start = Instant.now();
        long started = System.nanoTime();
        // Again at every delivery: the name may resolve elsewhere now (DNS rebinding), an allowed range be withdrawn.
        String refusal;
        try {
            refusal = targets.refusal(URI.create(targetUrl));
        } catch (IllegalArgumentException e) {
            refusal = "接收地址无法使用 (" + e.getMessage() + ")";
        }
        if (refusal != null) {
            return failed(start, started, "已拒绝投递：" + refusal);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(targetUrl))
                .timeout(config.timeout())
                .header("Content-Type", CONTENT_TYPE)
                .header(ID_HEADER, event.eventId)
                .header(SUBSCRIPTION_HEADER, subscriptionId.toString())
                .header(ATTEMPT_HEADER, Integer.toString(attempt))
                .header(TIMESTAMP_HEADER, Long.toString(start.getEpochSecond()))
                .header(SIGNATURE_HEADER, WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long took = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "接收方答复 HTTP " + status;
            return new Outcome(status, error, start, took);
        } catch (HttpTimeoutException e) {
            return failed(start, started, "接收方 " + config.timeout().toMillis() + " ms 内未答复 (" + e.getMessage() + ")");
        } catch (ConnectException e) {
            return failed(start, started, "无法连接接收方 (" + describe(e) + ")");
        } catch (IOException e) {
            return failed(start, started, "与接收方通信失败 (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(start, started, "网关停止，投递中断");
        } catch (IllegalArgumentException e) {
            return failed(start, started, "接收地址无法使用 (" + e.getMessage() + ")");
        }
    }

    private static Outcome failed(Instant start, long started, String error) {
        long took = (System.nanoTime() - started) / 1_000_000;
        return new Outcome(null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error, start, took);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
