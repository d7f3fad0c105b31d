package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The started suite as a user reaches it: the gateway, Keycloak for tokens, and the launcher for Kafka. */
final class Suite {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String gateway() {
        return "http://localhost:" + env("GATEWAY_PORT", "8080");
    }

    static String service(String portVariable, String defaultPort) {
        return "http://localhost:" + env(portVariable, defaultPort);
    }

    /** A real access token from the suite's Keycloak (password grant of the local realm's CLI client). */
    static String token(String user) {
        String form = "grant_type=password&client_id=suite-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + env("KEYCLOAK_PORT", "8180") + "/realms/county/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    /** A service account's token (client credentials), e.g. the realm's demo external system {@code integration-demo}. */
    static String clientToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + env("KEYCLOAK_PORT", "8180") + "/realms/county/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + clientId + ": " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    static HttpResponse<String> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static HttpResponse<String> post(String url, String token, String body) {
        return post(url, token, body, Duration.ofSeconds(30));
    }

    /** A POST that may take long (a read-model rebuild). */
    static HttpResponse<String> post(String url, String token, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** Runs {@code ./suite kafka stop|start} against the suite under test. */
    static void kafka(String action) {
        try {
            Path root = Path.of(env("SUITE_ROOT", ".."));
            // Into the suite's logs: the forked test JVM's own standard output is Surefire's channel to Maven.
            Path log = root.resolve(env("SUITE_RUN", ".suite")).resolve("logs/suite-kafka.log");
            Process process = new ProcessBuilder(root.resolve("suite").toString(), "kafka", action)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./suite kafka " + action + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Events of one type on a topic whose JSON value contains {@code valueContains}, read from the beginning and
     * counted per record key (the aggregate).
     */
    static Map<String, Integer> eventsPerAggregate(String topic, String typeSuffix, String valueContains) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + env("KAFKA_PORT", "9092"));
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith(typeSuffix)
                            && record.value().contains(valueContains)) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            if (built.timeout().isEmpty()) {
                built = request.timeout(Duration.ofSeconds(30)).build();
            }
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Suite() {
    }
}
