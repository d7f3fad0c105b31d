package cn.gov.partyaffairs.platform.outbox;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.platform.audit.Actor;
import cn.gov.partyaffairs.platform.audit.CurrentActor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where services put their events. The row commits with the state change that caused it, or not at all;
 * the {@link OutboxRelay} sends it after commit.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper mapper;
    private final Event<OutboxAppended> appended;
    private final CurrentActor actor;

    public Outbox(OutboxRepository repository, ObjectMapper mapper, Event<OutboxAppended> appended, CurrentActor actor) {
        this.repository = repository;
        this.mapper = mapper;
        this.appended = appended;
        this.actor = actor;
    }

    /**
     * The aggregate emits an event: its version goes up by one and the event is appended with that version, inside
     * the business transaction. Every change of an {@link Aggregate} goes this way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent emit(Aggregate aggregate, DomainEvent event) {
        aggregate.version++;
        return append(event, aggregate.version);
    }

    /**
     * Appends an event of the given aggregate version; must run inside the business transaction. The event carries
     * who caused it ({@link CurrentActor}): the audit trail of every command in every service.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(DomainEvent event, long aggregateVersion) {
        EventType type = DomainEvent.typeOf(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.eventType = type.value();
        row.aggregateId = event.aggregateId();
        row.aggregateVersion = aggregateVersion;
        row.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        Actor by = actor.get();
        row.actor = by.id();
        row.actorKind = by.kind().name();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written as JSON: " + type.value(), e);
        }
        repository.persist(row);
        appended.fire(new OutboxAppended(row.id));
        return row;
    }

    /** Fired inside the transaction; the relay observes it after a successful commit. */
    public record OutboxAppended(UUID eventId) {
    }
}
