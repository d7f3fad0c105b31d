package cn.gov.partyaffairs.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies each event at most once per consumer: the event id and the aggregate's version are recorded in the same
 * transaction as the effect, so a redelivered event or one older than what was already applied is skipped.
 *
 * <p>Failures other than {@link UnprocessableEventException} (a database restart, a lock timeout) are retried
 * in place with back-off, which holds the partition and so keeps each aggregate's events in order. An
 * unprocessable event is thrown on, and the channel's dead-letter strategy parks it with the reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EntityManager em;

    public IdempotentConsumer(EntityManager em) {
        this.em = em;
    }

    /** What happened to one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, STALE }

    public Outcome apply(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, effect));
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof UnprocessableEventException unprocessable) {
                    throw unprocessable;
                }
                LOG.warnf("%s could not apply %s %s (%s); retrying in %s", consumer, event.type(), event.id(),
                        e.getMessage(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private Outcome applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        Long passed = lockedPosition(consumer, event.aggregateId());
        if (passed != null && event.aggregateVersion() <= passed) {
            return Outcome.STALE;
        }
        effect.accept(event);
        em.createNativeQuery("""
                        INSERT INTO aggregate_position (consumer, aggregate_id, version) VALUES (?1, ?2, ?3)
                        ON CONFLICT (consumer, aggregate_id) DO UPDATE SET version = EXCLUDED.version""")
                .setParameter(1, consumer)
                .setParameter(2, event.aggregateId())
                .setParameter(3, event.aggregateVersion())
                .executeUpdate();
        return Outcome.APPLIED;
    }

    /**
     * Applies inside the caller's transaction, for a replay that must be all or nothing (a read-model rebuild):
     * the same once-per-event and stale-version rules, no retries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome applyInCurrentTransaction(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        return applyOnce(consumer, event, effect);
    }

    /** Forgets what the consumer applied, inside the caller's transaction, before a replay from the beginning. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer) {
        em.createNativeQuery("DELETE FROM processed_event WHERE consumer = ?1").setParameter(1, consumer).executeUpdate();
        em.createNativeQuery("DELETE FROM aggregate_position WHERE consumer = ?1").setParameter(1, consumer)
                .executeUpdate();
    }

    /** The last version of the aggregate this consumer has applied, or 0 if none: read-your-writes waits on it. */
    public long position(String consumer, UUID aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long version = queryPosition(consumer, aggregateId, "");
            return version == null ? 0L : version;
        });
    }

    private Long lockedPosition(String consumer, UUID aggregateId) {
        return queryPosition(consumer, aggregateId, " FOR UPDATE");
    }

    private Long queryPosition(String consumer, UUID aggregateId, String lock) {
        var rows = em.createNativeQuery(
                        "SELECT version FROM aggregate_position WHERE consumer = ?1 AND aggregate_id = ?2" + lock)
                .setParameter(1, consumer)
                .setParameter(2, aggregateId)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
