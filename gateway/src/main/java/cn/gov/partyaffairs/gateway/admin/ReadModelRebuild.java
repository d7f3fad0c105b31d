package cn.gov.partyaffairs.gateway.admin;

import cn.gov.partyaffairs.contracts.Topics;
import cn.gov.partyaffairs.gateway.audit.AuditActions;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import cn.gov.partyaffairs.gateway.projection.Projector;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.gateway.stream.EventLogTail;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.platform.messaging.UnprocessableEventException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.smallrye.common.annotation.Identifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.common.header.Header;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Rebuilds every read model from the three topics, from their beginning to where they end now, in one transaction:
 * readers see the old state until the new one is complete. Live projections wait meanwhile (they take the same
 * lock, shared) and then carry on from what the rebuild applied. The event log is kept: its events are neither
 * logged nor streamed again. An event the live consumer parked on the dead-letter topic (one the read models
 * refused on every try) is skipped as it was live: applying it here would fail the rebuild's one transaction.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final int FLUSH_EVERY = 200;
    private static final List<String> TABLES = List.of("organization_view", "county_figure", "disclosure_version_view",
            "disclosure_view", "comment_view", "compliance_view", "progress_view", "evaluation_comment_view",
            "evaluation_rating_view", "commitment_view", "unit_view", "group_view", "finding_view", "catalog_view", "step_alert_view");

    private final EntityManager em;
    private final IdempotentConsumer consumer;
    private final Projector projector;
    private final ObjectMapper mapper;
    private final Map<String, Object> kafkaConfig;
    private final CountyFigureRepository figures;
    private final AuditTrail audit;
    private final String deadLetterTopic;

    public ReadModelRebuild(EntityManager em, IdempotentConsumer consumer, Projector projector, ObjectMapper mapper,
                            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            CountyFigureRepository figures, AuditTrail audit,
                            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic")
                            String deadLetterTopic) {
        this.em = em;
        this.deadLetterTopic = deadLetterTopic;
        this.audit = audit;
        this.figures = figures;
        this.consumer = consumer;
        this.projector = projector;
        this.mapper = mapper;
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * Where each record on this gateway's dead-letter topic came from (SmallRye's {@code dead-letter-topic},
     * {@code -partition}, {@code -offset}): that record, and not a copy of it published again after a fix, is skipped.
     */
    private Set<String> parkedPositions(KafkaConsumer<String, String> kafka) {
        Set<String> positions = new HashSet<>();
        var partitions = kafka.partitionsFor(deadLetterTopic, Duration.ofSeconds(10));
        if (partitions == null) {
            return positions;
        }
        for (var info : partitions) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, info.partition());
            kafka.assign(List.of(partition));
            kafka.seekToBeginning(List.of(partition));
            long end = kafka.endOffsets(List.of(partition)).get(partition);
            while (kafka.position(partition) < end) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    String topic = header(record, "dead-letter-topic");
                    String from = header(record, "dead-letter-partition");
                    String offset = header(record, "dead-letter-offset");
                    if (record.offset() < end && topic != null && from != null && offset != null) {
                        positions.add(position(topic, Integer.parseInt(from), Long.parseLong(offset)));
                    }
                }
            }
        }
        return positions;
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** @param applied events applied per topic; {@code skipped}: duplicates, stale versions and unreadable records */
    public record Result(Map<String, Long> applied, long skipped) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 1800)
    public Result rebuild() {
        Projector.lockExclusively(em);
        em.createNativeQuery("TRUNCATE " + String.join(", ", TABLES)).executeUpdate();
        IdempotentConsumer.Replay replay = consumer.replay(ReadModel.CONSUMER);
        Map<String, Long> applied = new TreeMap<>();
        long skipped = 0;
        long seen = 0;
        figures.defer();
        try {
            Properties props = new Properties();
            props.putAll(kafkaConfig);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                var existing = kafka.listTopics(Duration.ofSeconds(10)).keySet();
                Set<String> parked = existing.contains(deadLetterTopic) ? parkedPositions(kafka) : Set.of();
                for (String topic : List.of(Topics.DISCLOSURE, Topics.COMMITMENT, Topics.SUPERVISION)) {
                    if (!existing.contains(topic)) {
                        continue; // nothing was ever published there: asking for its partitions would wait 10 s
                    }
                    var partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                    if (partitions == null || partitions.isEmpty()) {
                        continue;
                    }
                    for (var info : partitions) {
                        TopicPartition partition = new TopicPartition(topic, info.partition());
                        kafka.assign(List.of(partition));
                        kafka.seekToBeginning(List.of(partition));
                        long end = kafka.endOffsets(List.of(partition)).get(partition);
                        while (kafka.position(partition) < end) {
                            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                                if (record.offset() >= end) {
                                    break;
                                }
                                try {
                                    if (parked.contains(position(record.topic(), record.partition(), record.offset()))) {
                                        skipped++; // the live consumer could not apply it either
                                        continue;
                                    }
                                    IncomingEvent event = IncomingEvent.from(record, mapper);
                                    if (replay.apply(event, projector::reapply) == IdempotentConsumer.Outcome.APPLIED) {
                                        applied.merge(topic, 1L, Long::sum);
                                    } else {
                                        skipped++;
                                    }
                                    if (++seen % FLUSH_EVERY == 0) {
                                        // Keeps the session small: every native statement flushes what it manages.
                                        em.flush();
                                        em.clear();
                                    }
                                } catch (UnprocessableEventException e) {
                                    skipped++; // parked on the dead-letter topic when it first came; nothing to apply
                                }
                            }
                        }
                    }
                }
            }
            replay.finish();
            figures.writeDeferred();
        } finally {
            figures.discardDeferred();
        }
        // On commit every replica's stream tail wakes and drops what it had cached of the old read models.
        em.createNativeQuery("NOTIFY " + EventLogTail.CHANNEL + ", '" + EventLogTail.REBUILT + "'").executeUpdate();
        audit.record(AuditActions.READ_MODELS_REBUILT, null, null, "应用 " + applied + "，跳过 " + skipped);
        LOG.infof("Read models rebuilt: %s applied, %d skipped", applied, skipped);
        return new Result(applied, skipped);
    }

    /**
     * A digest of every read-model table, row by row in key order: equal digests, equal state. Compares a rebuilt
     * state with the live one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> digest() {
        Map<String, String> digests = new TreeMap<>();
        for (String table : TABLES) {
            Object digest = em.createNativeQuery("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                    + table + " t").getSingleResult();
            digests.put(table, (String) digest);
        }
        return digests;
    }
}
