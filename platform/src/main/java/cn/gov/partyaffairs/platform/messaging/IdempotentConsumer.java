package cn.gov.partyaffairs.platform.messaging;

import cn.gov.partyaffairs.platform.db.DatabaseUnavailable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies each event at most once per consumer: the event id and the aggregate's version are recorded in the same
 * transaction as the effect, so a redelivered event or one older than what was already applied is skipped.
 *
 * <p>Failures other than {@link UnprocessableEventException} (a database restart, a lock timeout) are retried
 * in place with back-off, which holds the partition and so keeps each aggregate's events in order. An
 * unprocessable event is thrown on, and the channel's dead-letter strategy parks it with the reason.
 *
 * <p>A failure that says the event itself is wrong, and would be wrong on every try, is retried only
 * {@value #DETERMINISTIC_ATTEMPTS} times and then treated as unprocessable, so that one poison event does not hold
 * its partition for ever: a value the schema refuses (SQLState class 22, data exception) or a constraint it breaks
 * (class 23), or the effect's own {@link NullPointerException}, {@link IllegalArgumentException} and the like.
 * Anything else, above all a database that cannot be reached, is retried until it passes: an outage must never
 * send events to the dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /**
     * Tries of an event whose failure would repeat on every try, before it goes to the dead-letter topic: about three
     * seconds of back-off, room for a constraint that another partition's event is about to satisfy.
     */
    static final int DETERMINISTIC_ATTEMPTS = 5;

    private final EntityManager em;

    public IdempotentConsumer(EntityManager em) {
        this.em = em;
    }

    /** What happened to one delivery. */
    public enum Outcome { APPLIED, DUPLICATE, STALE }

    public Outcome apply(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        return apply(consumer, event, () -> { }, effect);
    }

    /**
     * @param first runs first in the event's transaction, before this consumer's own bookkeeping: where the effect
     *              takes a lock that a replay holds exclusively, it must be taken before the bookkeeping rows, or the
     *              replay writing the same rows and this transaction wait for each other (a deadlock)
     */
    public Outcome apply(String consumer, IncomingEvent event, Runnable first, Consumer<IncomingEvent> effect) {
        Duration backoff = Duration.ofMillis(200);
        int deterministicFailures = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    first.run();
                    return applyOnce(consumer, event, effect);
                });
            } catch (UnprocessableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e.getCause() instanceof UnprocessableEventException unprocessable) {
                    throw unprocessable;
                }
                String why = DatabaseUnavailable.isCause(e) ? "database unreachable: " + DatabaseUnavailable.describe(e)
                        : DatabaseUnavailable.describe(e);
                if (isDeterministic(e) && ++deterministicFailures >= DETERMINISTIC_ATTEMPTS) {
                    LOG.errorf(e, "%s cannot apply %s %s: %s; it goes to the dead-letter topic", consumer, event.type(),
                            event.id(), why);
                    throw new UnprocessableEventException("could not be applied by " + consumer + " in "
                            + deterministicFailures + " tries: " + why, e);
                }
                LOG.warnf("%s could not apply %s %s (%s); retrying in %s", consumer, event.type(), event.id(),
                        why, backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Whether trying again cannot help: the event's data breaks the schema or a constraint, or the effect failed on
     * it as code fails on bad input. Never a database that cannot be reached, a lock, a time-out or a deadlock.
     */
    static boolean isDeterministic(Throwable failure) {
        if (DatabaseUnavailable.isCause(failure)) {
            return false;
        }
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Throwable root = failure;
        for (Throwable at = failure; at != null && seen.add(at); at = at.getCause()) {
            if (at instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23");
            }
            root = at;
        }
        return root instanceof NullPointerException || root instanceof IllegalArgumentException
                || root instanceof ClassCastException || root instanceof ArithmeticException
                || root instanceof IndexOutOfBoundsException || root instanceof java.time.DateTimeException;
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

    /**
     * A replay from the beginning inside the caller's transaction (a read-model rebuild): forgets what the consumer
     * applied, then decides once-per-event and stale versions in memory and writes what it applied in bulk at the
     * end ({@link Replay#finish()}), instead of three statements per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Replay replay(String consumer) {
        forget(consumer);
        return new Replay(consumer);
    }

    /** One replay's bookkeeping; see {@link #replay(String)}. Not thread-safe: one replay, one thread. */
    public final class Replay {
        private static final int CHUNK = 5000;
        private final String consumer;
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private final java.util.List<String> ids = new java.util.ArrayList<>();
        private final java.util.List<String> types = new java.util.ArrayList<>();
        private final java.util.Map<UUID, Long> positions = new java.util.HashMap<>();

        private Replay(String consumer) {
            this.consumer = consumer;
        }

        /** The live consumer's rules: a repeat is skipped; an older version than applied is recorded, not applied. */
        public Outcome apply(IncomingEvent event, Consumer<IncomingEvent> effect) {
            if (seen.contains(event.id())) {
                return Outcome.DUPLICATE;
            }
            Long passed = positions.get(event.aggregateId());
            if (passed != null && event.aggregateVersion() <= passed) {
                processed(event);
                return Outcome.STALE;
            }
            effect.accept(event);
            processed(event);
            positions.put(event.aggregateId(), event.aggregateVersion());
            return Outcome.APPLIED;
        }

        private void processed(IncomingEvent event) {
            seen.add(event.id());
            ids.add(event.id());
            types.add(event.type());
        }

        /** Writes what was applied, as the live consumer would have recorded it one event at a time. */
        public void finish() {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int from = 0; from < ids.size(); from += CHUNK) {
                int to = Math.min(ids.size(), from + CHUNK);
                em.createNativeQuery("""
                                INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                                SELECT ?1, id, type, ?4 FROM unnest(CAST(?2 AS text[]), CAST(?3 AS text[])) AS e (id, type)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, consumer).setParameter(2, ids.subList(from, to).toArray(String[]::new))
                        .setParameter(3, types.subList(from, to).toArray(String[]::new)).setParameter(4, now)
                        .executeUpdate();
            }
            java.util.List<Map.Entry<UUID, Long>> all = new java.util.ArrayList<>(positions.entrySet());
            for (int from = 0; from < all.size(); from += CHUNK) {
                var chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                em.createNativeQuery("""
                                INSERT INTO aggregate_position (consumer, aggregate_id, version)
                                SELECT ?1, id, version FROM unnest(CAST(?2 AS uuid[]), CAST(?3 AS bigint[])) AS p (id, version)
                                ON CONFLICT (consumer, aggregate_id) DO UPDATE SET version = EXCLUDED.version""")
                        .setParameter(1, consumer)
                        .setParameter(2, chunk.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                        .setParameter(3, chunk.stream().map(Map.Entry::getValue).toArray(Long[]::new))
                        .executeUpdate();
            }
        }
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
