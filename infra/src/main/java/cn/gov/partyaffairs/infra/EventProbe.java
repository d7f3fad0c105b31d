package cn.gov.partyaffairs.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Tests' window on the real broker: read what a service emitted, or deliver an event as another service would.
 * Talks to the broker the application under test is configured with.
 */
public final class EventProbe {

    /** After the expected records have arrived, how long to keep looking for unexpected extra ones. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EventProbe() {
    }

    /**
     * Every record on the topic with the given key, once at least {@code expected} have arrived (or the timeout
     * passed) and no more came during a short settling time: a test can then assert "exactly one".
     */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long settleUntil = Long.MAX_VALUE;
            boolean assigned = false;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                if (!assigned) {
                    var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                    if (partitions == null || partitions.isEmpty()) {
                        sleep(200);
                        continue;
                    }
                    List<TopicPartition> all = partitions.stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(all);
                    consumer.seekToBeginning(all);
                    assigned = true;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** CloudEvents binary-mode headers of an event of this suite. */
    public static Map<String, String> cloudEvent(String id, String type, UUID aggregateId, long version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "test");
        headers.put("ce_time", OffsetDateTime.now().toString());
        headers.put("ce_subject", aggregateId.toString());
        headers.put("ce_aggregateversion", Long.toString(version));
        headers.put("content-type", "application/json");
        return headers;
    }

    /** One record to send: its key, CloudEvents headers and JSON value. */
    public record Outgoing(String key, Map<String, String> headers, String value) {
    }

    /** Sends one record and waits until the broker has it. */
    public static void send(String topic, String key, Map<String, String> headers, String value) {
        sendAll(topic, java.util.List.of(new Outgoing(key, headers, value)));
    }

    /** Sends records in order on one producer and waits until the broker has them all. */
    public static void sendAll(String topic, java.util.List<Outgoing> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (Outgoing outgoing : records) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, outgoing.key(), outgoing.value());
                outgoing.headers().forEach((name, headerValue) ->
                        record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
