package cn.gov.partyaffairs.gateway.deadletter;

import cn.gov.partyaffairs.gateway.audit.AuditActions;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.messaging.CloudEventHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The records parked on the suite's dead-letter topics ({@code dlq.<service>}), kept for the county admin, and their
 * replay: the original record (key, value and every header but SmallRye's {@code dead-letter-*}) published again onto
 * the topic it came from, with {@value #REPLAY_OF} naming the parked record. Every consumer of that topic sees the
 * copy: those that applied the event skip it by its CloudEvent id (unchanged), the one that parked it applies it now.
 * A rebuild skips only the parked record's own position, never the copy.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    /** Header of a replayed copy: the parked record it copies ({@code dlq.gateway/0/12}). */
    public static final String REPLAY_OF = "replay-of";
    /** Header of a replayed copy: who replayed it. */
    public static final String REPLAYED_BY = "replayed-by";
    private static final String DEAD_LETTER_PREFIX = "dead-letter-";
    private static final int PREVIEW = 2000;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Map<String, Object> kafkaConfig;
    private final AuditTrail audit;
    private final Caller caller;
    private final List<String> replayTopics;
    private volatile KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(EntityManager em, ObjectMapper mapper,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AuditTrail audit,
                       Caller caller, DeadLetterConfig config) {
        this.replayTopics = List.copyOf(config.replayTopics());
        this.em = em;
        this.mapper = mapper;
        this.kafkaConfig = kafkaConfig;
        this.audit = audit;
        this.caller = caller;
    }

    /** Keeps one parked record; the same record read again (a redelivery) is kept once. */
    @Transactional
    public void keep(ConsumerRecord<byte[], byte[]> record) {
        ArrayNode headers = mapper.createArrayNode();
        for (Header header : record.headers()) {
            headers.addObject().put("name", header.key())
                    .put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        String topic = header(record, "dead-letter-topic");
        Integer partition = number(header(record, "dead-letter-partition"), Integer::valueOf);
        Long offset = number(header(record, "dead-letter-offset"), Long::valueOf);
        Long version = number(header(record, CloudEventHeaders.AGGREGATE_VERSION), Long::valueOf);
        String service = record.topic().startsWith("dlq.") ? record.topic().substring(4) : record.topic();
        em.createNativeQuery("""
                        INSERT INTO dead_letter (service, dlq_topic, dlq_partition, dlq_offset, original_topic,
                            original_partition, original_offset, record_key, record_value, headers, event_type, event_id,
                            aggregate_id, aggregate_version, reason, parked_at, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb), ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                        ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING""")
                .setParameter(1, service).setParameter(2, record.topic()).setParameter(3, record.partition())
                .setParameter(4, record.offset()).setParameter(5, topic).setParameter(6, partition)
                .setParameter(7, offset).setParameter(8, record.key()).setParameter(9, record.value())
                .setParameter(10, headers.toString()).setParameter(11, header(record, CloudEventHeaders.TYPE))
                .setParameter(12, header(record, CloudEventHeaders.ID))
                .setParameter(13, header(record, CloudEventHeaders.SUBJECT))
                .setParameter(14, version).setParameter(15, header(record, "dead-letter-reason"))
                .setParameter(16, Instant.ofEpochMilli(record.timestamp()).atOffset(ZoneOffset.UTC))
                .setParameter(17, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The parked records, newest first; {@code service} and {@code replayed} narrow the list when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<DeadLetter> list(String service, Boolean replayed, int page, int size) {
        String where = " WHERE (CAST(?1 AS text) IS NULL OR service = ?1)"
                + " AND (CAST(?2 AS boolean) IS NULL OR (replay_count > 0) = ?2)";
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM dead_letter" + where)
                .setParameter(1, service).setParameter(2, replayed).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM dead_letter" + where
                        + " ORDER BY id DESC LIMIT ?3 OFFSET ?4")
                .setParameter(1, service).setParameter(2, replayed).setParameter(3, size)
                .setParameter(4, (long) page * size).getResultList();
        return new PageResult<>(rows.stream().map(DeadLetters::view).toList(), page, size, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadLetter get(long id) {
        return view(row(id, false));
    }

    /**
     * Publishes the parked record again onto its original topic and records that it did. The copy is on the topic
     * once this returns (acks=all); a second replay sends another copy, which every consumer skips by its id once one
     * copy was applied.
     */
    @Transactional
    public DeadLetter replay(long id) {
        Object[] row = row(id, true);
        DeadLetter letter = view(row);
        if (letter.originalTopic() == null) {
            throw ProblemException.conflict("dead-letter-origin-unknown",
                    "死信 " + id + " 没有记录原主题（缺少 dead-letter-topic 消息头），无法重新投递");
        }
        if (!replayTopics.contains(letter.originalTopic())) {
            throw ProblemException.conflict("dead-letter-topic-not-replayable", "死信 " + id + " 的原主题 "
                    + letter.originalTopic() + " 不是可重新投递的事件主题（" + String.join("、", replayTopics) + "）");
        }
        List<Header> headers = new ArrayList<>();
        try {
            for (JsonNode header : mapper.readTree((String) row[COLUMN_HEADERS])) {
                String name = header.path("name").asText();
                if (name.startsWith(DEAD_LETTER_PREFIX) || name.equals(REPLAY_OF) || name.equals(REPLAYED_BY)) {
                    continue; // SmallRye's bookkeeping of the parking, and an earlier replay's names: not the event's
                }
                JsonNode value = header.get("value");
                headers.add(new RecordHeader(name, value == null || value.isNull() ? null
                        : Base64.getDecoder().decode(value.asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + id + " has unreadable headers", e);
        }
        String replayOf = letter.deadLetterTopic() + "/" + letter.deadLetterPartition() + "/" + letter.deadLetterOffset();
        String by = caller.actor().id();
        headers.add(new RecordHeader(REPLAY_OF, replayOf.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(REPLAYED_BY, by.getBytes(StandardCharsets.UTF_8)));
        // The original partition when the topic still has it, so the copy stays behind the aggregate's earlier events.
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(letter.originalTopic(), letter.originalPartition(),
                (byte[]) row[COLUMN_KEY], (byte[]) row[COLUMN_VALUE], headers);
        RecordMetadata sent;
        try {
            sent = producer().send(copy).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kafkaUnavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw kafkaUnavailable(e);
        }
        em.createNativeQuery("""
                        UPDATE dead_letter SET replay_count = replay_count + 1, replayed_at = ?2, replayed_by = ?3,
                            replayed_offset = ?4 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(3, by)
                .setParameter(4, sent.offset()).executeUpdate();
        audit.record(AuditActions.DEAD_LETTER_REPLAYED, letter.eventId(), letter.eventType(),
                "重新投递到 " + sent.topic() + "/" + sent.partition() + "/" + sent.offset() + "（原记录 " + replayOf + "）");
        LOG.infof("Dead letter %d (%s %s) replayed by %s onto %s/%d/%d", id, letter.eventType(), letter.eventId(), by,
                sent.topic(), sent.partition(), sent.offset());
        return get(id);
    }

    private static ProblemException kafkaUnavailable(Exception e) {
        LOG.warnf("A dead letter could not be replayed: %s", e.toString());
        return new ProblemException(Problem.of("kafka-unavailable", "消息服务暂不可用 Kafka unavailable", 503,
                "未能把该事件重新投递到原主题（消息服务未应答），记录未改变，请稍后重试"));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    kafkaConfig.forEach((k, v) -> {
                        if (!k.startsWith("group.") && !k.startsWith("auto.") && !k.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)) {
                            props.put(k, v);
                        }
                    });
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-dead-letter-replay");
                    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static final String COLUMNS = "id, service, dlq_topic, dlq_partition, dlq_offset, original_topic, "
            + "original_partition, original_offset, event_type, event_id, aggregate_id, aggregate_version, reason, "
            + "parked_at, replay_count, replayed_at, replayed_by, replayed_offset, record_value, record_key, "
            + "CAST(headers AS text), (SELECT convert_from(decode(h ->> 'value', 'base64'), 'UTF8') "
            + "FROM jsonb_array_elements(headers) h WHERE h ->> 'name' = '" + REPLAY_OF + "' LIMIT 1)";
    private static final int COLUMN_VALUE = 18;
    private static final int COLUMN_KEY = 19;
    private static final int COLUMN_HEADERS = 20;
    private static final int COLUMN_REPLAY_OF = 21;

    private Object[] row(long id, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?1"
                + (forUpdate ? " FOR UPDATE" : "")).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("死信", String.valueOf(id));
        }
        return rows.get(0);
    }

    private static DeadLetter view(Object[] r) {
        byte[] value = (byte[]) r[COLUMN_VALUE];
        String preview = value == null ? null : new String(value, StandardCharsets.UTF_8);
        if (preview != null && preview.length() > PREVIEW) {
            preview = preview.substring(0, PREVIEW) + "…";
        }
        int replays = ((Number) r[14]).intValue();
        return new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8], (String) r[9], (String) r[10],
                r[11] == null ? null : ((Number) r[11]).longValue(), (String) r[12], time(r[13]), replays > 0, replays,
                time(r[15]), (String) r[16], r[17] == null ? null : ((Number) r[17]).longValue(),
                (String) r[COLUMN_REPLAY_OF], preview);
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null : value instanceof OffsetDateTime t ? t
                : value instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
