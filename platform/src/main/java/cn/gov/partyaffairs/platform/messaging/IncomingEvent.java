package cn.gov.partyaffairs.platform.messaging;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.platform.audit.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvent read from Kafka (binary mode): its attributes from the headers, its data as JSON.
 *
 * @param id               the event id ({@code ce_id}), unique across the suite
 * @param type             the versioned event type
 * @param source           the service that emitted it
 * @param time             when it happened
 * @param aggregateId      the aggregate it belongs to ({@code ce_subject}, also the record key)
 * @param aggregateVersion the aggregate's version after the event
 * @param data             the event's JSON body
 * @param actor            who caused it ({@code ce_actor}); null for events sent before it was recorded
 */
public record IncomingEvent(String id, String type, String source, OffsetDateTime time, UUID aggregateId,
                            long aggregateVersion, JsonNode data, Actor actor) {

    /** Reads the record; a record that is no well-formed CloudEvent of ours can never be applied. */
    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        try {
            String id = required(record, CloudEventHeaders.ID);
            String type = required(record, CloudEventHeaders.TYPE);
            String source = required(record, CloudEventHeaders.SOURCE);
            OffsetDateTime time = OffsetDateTime.parse(required(record, CloudEventHeaders.TIME));
            UUID aggregateId = UUID.fromString(required(record, CloudEventHeaders.SUBJECT));
            long version = Long.parseLong(required(record, CloudEventHeaders.AGGREGATE_VERSION));
            if (record.value() == null) {
                throw new UnprocessableEventException("the record has no body");
            }
            return new IncomingEvent(id, type, source, time, aggregateId, version, mapper.readTree(record.value()),
                    actor(record));
        } catch (UnprocessableEventException e) {
            throw e;
        } catch (Exception e) {
            throw new UnprocessableEventException("not a CloudEvent of this suite: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the record's CloudEvents type is one of {@code types}, read from its header alone. A consumer that takes a
     * few types of a shared topic passes the others over before any parsing or transaction: on the disclosure topic
     * most events (comments, drafts, reviews) concern only the gateway, and recording each one as applied cost the
     * commitment and supervision services a transaction per event.
     */
    public static boolean isOneOf(ConsumerRecord<String, String> record, java.util.Set<String> types) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header != null && header.value() != null
                && types.contains(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The body as the contract record; a body that does not fit the record can never be applied. */
    public <T extends DomainEvent> T as(Class<T> eventClass, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(data, eventClass);
        } catch (Exception e) {
            throw new UnprocessableEventException("body does not match " + eventClass.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A top-level text field of the body, or null when it is absent or null (for routing on a field all types share). */
    public String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Actor actor(ConsumerRecord<String, String> record) {
        String id = optional(record, CloudEventHeaders.ACTOR);
        String kind = optional(record, CloudEventHeaders.ACTOR_KIND);
        if (id == null || kind == null) {
            return null;
        }
        try {
            return new Actor(id, Actor.Kind.valueOf(kind));
        } catch (IllegalArgumentException newerKind) {
            return new Actor(id, Actor.Kind.SERVICE); // a kind from a newer producer: still its id
        }
    }

    private static String optional(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnprocessableEventException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
