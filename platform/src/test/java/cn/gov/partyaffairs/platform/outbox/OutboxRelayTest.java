package cn.gov.partyaffairs.platform.outbox;

import cn.gov.partyaffairs.contracts.Topics;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.platform.messaging.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox on the real broker and database: an event appended in a transaction reaches its topic after the commit,
 * as a CloudEvent keyed by its aggregate; what is written while Kafka is away waits and is sent once it is back.
 */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository repository;

    private static OrganizationDeactivated event(UUID id, String code) {
        return new OrganizationDeactivated(id, code, "合并", OffsetDateTime.parse("2026-03-04T10:00:00+08:00"), "admin");
    }

    @Test
    void anAppendedEventReachesItsTopicAsACloudEventKeyedByItsAggregate() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event(id, "R-1"), 3));
        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey(Topics.DISCLOSURE, id.toString(), 1);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("cn.gov.partyaffairs.disclosure.OrganizationDeactivated.v1",
                EventProbe.header(record, CloudEventHeaders.TYPE));
        assertEquals(id.toString(), EventProbe.header(record, CloudEventHeaders.SUBJECT));
        assertEquals("3", EventProbe.header(record, CloudEventHeaders.AGGREGATE_VERSION));
        // Outside any request the service itself acts: the audit trail says so.
        assertEquals("platform-test", EventProbe.header(record, CloudEventHeaders.ACTOR));
        assertEquals("SERVICE", EventProbe.header(record, CloudEventHeaders.ACTOR_KIND));
        assertTrue(record.value().contains("\"code\":\"R-1\""), record.value());
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() {
        UUID id = UUID.randomUUID();
        long before = pending();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(event(id, "R-2"), 1);
            throw new IllegalStateException("the command fails after its event was appended");
        }));
        assertEquals(before, pending());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> repository.count("aggregateId", id)));
    }

    @Test
    void whatIsWrittenWhileKafkaIsDownIsSentWhenKafkaIsBack() {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        UUID id = UUID.randomUUID();
        KafkaTestResource.broker().stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(event(id, "R-3"), 1));
            assertEquals(1, pending(), "the event waits in the outbox");
        } finally {
            KafkaTestResource.broker().start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
        assertEquals(1, EventProbe.recordsWithKey(Topics.DISCLOSURE, id.toString(), 1).size());
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(repository::countPending);
    }
}
