package cn.gov.partyaffairs.platform.outbox;

import cn.gov.partyaffairs.platform.db.DatabaseUnavailable;
import cn.gov.partyaffairs.platform.messaging.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends pending outbox rows to Kafka in commit order, then marks them sent. One dedicated thread per replica;
 * a Postgres advisory lock held for the batch's transaction makes sure only one replica sends at a time. It wakes
 * on every local commit and otherwise polls, so a write reaches Kafka within milliseconds and a row written by
 * another replica (or left while Kafka was down) within one poll interval.
 *
 * <p>A crash between the Kafka send and the commit sends a row again: consumers are idempotent by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean kafkaDown;
    private volatile boolean databaseDown;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    /**
     * @param kafkaConfig every {@code kafka.*} setting (bootstrap servers, and on a cluster the security protocol,
     *                    SASL and TLS settings), the same the service's consumers and dead-letter producers use
     */
    public OutboxRelay(OutboxRepository repository, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.repository = repository;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /** Starts after the database bootstrap (which runs at PLATFORM_BEFORE) has migrated the schema. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
        closeProducer();
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        wakeUp.release();
    }

    /** True while the last attempt to reach Kafka failed; pending rows wait in the outbox meanwhile. */
    public boolean kafkaDown() {
        return kafkaDown;
    }

    /** True while the last attempt to read the outbox failed because the database could not be reached. */
    public boolean databaseDown() {
        return databaseDown;
    }

    private void run() {
        while (running) {
            try {
                int sent = relayBatch();
                if (kafkaDown) {
                    LOG.infof("Kafka answers again; the outbox relay resumed");
                    kafkaDown = false;
                }
                if (databaseDown) {
                    LOG.infof("The database answers again; the outbox relay resumed");
                    databaseDown = false;
                }
                if (sent < config.batchSize()) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    // The outbox itself cannot be read: nothing is lost (no command commits meanwhile either), the
                    // producer is fine, and the pool reconnects once the server is back.
                    if (!databaseDown) {
                        LOG.warnf("Outbox relay cannot reach the database (%s); it tries again every %s",
                                DatabaseUnavailable.describe(e), config.retryBackoff());
                    }
                    databaseDown = true;
                } else {
                    if (!kafkaDown) {
                        LOG.warnf("Outbox relay cannot send (%s); events stay in the outbox and are retried every %s",
                                rootMessage(e), config.retryBackoff());
                    }
                    kafkaDown = true;
                    closeProducer();
                }
                sleep(config.retryBackoff().toMillis());
            }
        }
    }

    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.tryTakeRelayLease()) {
                return 0;
            }
            List<OutboxEvent> pending = repository.nextPending(config.batchSize());
            List<OutboxEvent> batch = firstOfEachAggregate(pending);
            // All of the batch on its way at once, then every acknowledgement awaited: one round trip to the broker
            // per batch, not one per row.
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent row : batch) {
                acks.add(send(row));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < batch.size(); i++) {
                await(batch.get(i), acks.get(i));
                batch.get(i).sentAt = now;
            }
            // Versions held back for the next batch are due now, not after a poll interval.
            return batch.size() < pending.size() ? config.batchSize() : batch.size();
        });
    }

    /**
     * The oldest pending row of each aggregate, in commit order: never two versions of one aggregate in one batch.
     * With both on their way at once the broker may take the later one and not the earlier: the earlier's send failed
     * while the broker came back (its metadata wait ran out) and the later's, a moment after, did not. The batch is
     * sent again and the earlier version lands after the later one, which every consumer then skips as stale — an
     * acknowledged command lost for every read model (found by ./suite chaos: a progress report's v4 on the topic
     * before its v3 after a broker kill). One version per aggregate per batch: the next is sent only once the one
     * before it is acknowledged.
     */
    static List<OutboxEvent> firstOfEachAggregate(List<OutboxEvent> pending) {
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        List<OutboxEvent> first = new ArrayList<>(pending.size());
        for (OutboxEvent row : pending) {
            if (seen.add(row.aggregateId)) {
                first.add(row);
            }
        }
        return first;
    }

    private Future<RecordMetadata> send(OutboxEvent row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.aggregateId.toString(),
                row.payload.getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, row.id.toString());
        header(record, CloudEventHeaders.TYPE, row.eventType);
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt));
        header(record, CloudEventHeaders.SUBJECT, row.aggregateId.toString());
        header(record, CloudEventHeaders.AGGREGATE_VERSION, Long.toString(row.aggregateVersion));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (row.actor != null) {
            header(record, CloudEventHeaders.ACTOR, row.actor);
            header(record, CloudEventHeaders.ACTOR_KIND, row.actorKind);
        }
        return producer().send(record);
    }

    private void await(OutboxEvent row, Future<RecordMetadata> ack) {
        try {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + row.id, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not send event " + row.id + " to " + row.topic, e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            // Fail fast while the broker is away: the row is safe in the outbox and the relay retries.
            long timeout = config.sendTimeout().toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.source() + "-outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
