package cn.gov.partyaffairs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void producesAndConsumesOnAnAutoCreatedTopic() throws Exception {
        try (KafkaBroker broker = new KafkaBroker().start(0);
                KafkaProducer<String, String> producer = producer(broker)) {
            String topic = topic();
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get(30, TimeUnit.SECONDS);
            assertEquals(List.of("hello"), values(broker, topic, 1));
        }
    }

    @Test
    void keepsItsRecordsAndPortAcrossARestartAndDeliversWhatWasSentWhileItWasDown() throws Exception {
        try (KafkaBroker broker = new KafkaBroker().start(0);
                KafkaProducer<String, String> producer = producer(broker)) {
            String topic = topic();
            int port = broker.port();
            producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);

            broker.stop();
            assertFalse(Os.isListening("127.0.0.1", port));
            // A stopped broker hands its partitions' leadership away, so send() itself waits (up to max.block.ms)
            // for a leader: the send runs aside, as in a relay that retries until Kafka is back.
            CompletableFuture<RecordMetadata> whileDown = CompletableFuture.supplyAsync(() -> {
                try {
                    return producer.send(new ProducerRecord<>(topic, "k", "while down")).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertFalse(whileDown.isDone(), "nothing can acknowledge the record while the broker is down");

            broker.start();
            assertEquals(port, broker.port());
            whileDown.get(60, TimeUnit.SECONDS);
            assertEquals(List.of("before", "while down"), values(broker, topic, 2));
        }
    }

    @Test
    void aNewBrokerOnTheSameDataDirectoryCarriesOn(@TempDir Path data) throws Exception {
        String topic = topic();
        try (KafkaBroker first = new KafkaBroker(data).start(0);
                KafkaProducer<String, String> producer = producer(first)) {
            producer.send(new ProducerRecord<>(topic, "k", "kept")).get(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(data.resolve("meta.properties")), "close() keeps a named data directory");
        try (KafkaBroker second = new KafkaBroker(data).start(0)) {
            assertEquals(List.of("kept"), values(second, topic, 1));
        }
    }

    @Test
    void autoCreatedTopicsGetTheConfiguredPartitions() throws Exception {
        try (KafkaBroker broker = new KafkaBroker().withPartitions(3).start(0);
                KafkaProducer<String, String> producer = producer(broker);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            String topic = topic();
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
            assertEquals(3, admin.describeTopics(Set.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size());
        }
    }

    private static String topic() {
        return "infra-test-" + UUID.randomUUID();
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
                new StringSerializer(), new StringSerializer());
    }

    /** The values of the first {@code expected} records of the topic's only partition, read from the beginning. */
    private static List<String> values(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
