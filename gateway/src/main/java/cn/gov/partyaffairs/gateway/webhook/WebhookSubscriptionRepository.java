package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions and the dispatcher's bookkeeping on them. Scheduling compares with the database's clock
 * ({@code now()}), so replicas whose clocks differ a little still agree on leases and due times.
 */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** The head of an event_log row: enough to decide whether it is for a subscription. */
    public record EventHead(long seq, String type, EventLogEntry.Audience audience, OffsetDateTime recordedAt) {
    }

    public Optional<WebhookSubscription> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Takes up to {@code limit} active subscriptions that have events after their cursor and are due, and leases
     * them to {@code token}. SKIP LOCKED: replicas claiming at the same moment each take different ones, and the
     * lease keeps them apart after this transaction has committed.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(int limit, Collection<UUID> busy, UUID token, Duration lease) {
        List<UUID> due = getEntityManager().createNativeQuery("""
                        SELECT s.id FROM webhook_subscription s
                        WHERE s.status = 'ACTIVE' AND s.next_attempt_at <= now()
                          AND (s.leased_until IS NULL OR s.leased_until < now())
                          AND EXISTS (SELECT 1 FROM event_log e WHERE e.seq > s.cursor_seq)
                        ORDER BY s.next_attempt_at
                        LIMIT :limit
                        FOR UPDATE OF s SKIP LOCKED""", UUID.class)
                .setParameter("limit", limit + busy.size())
                .getResultList();
        List<UUID> claimed = new ArrayList<>();
        for (UUID id : due) {
            // A lease of this replica that ran out while it is still delivering is not taken again here.
            if (!busy.contains(id) && claimed.size() < limit) {
                claimed.add(id);
            }
        }
        if (!claimed.isEmpty()) {
            getEntityManager().createNativeQuery("""
                            UPDATE webhook_subscription
                            SET lease_token = :token, leased_until = now() + :leaseMs * interval '1 millisecond'
                            WHERE id IN (:ids)""")
                    .setParameter("token", token)
                    .setParameter("leaseMs", lease.toMillis())
                    .setParameter("ids", claimed)
                    .executeUpdate();
        }
        return claimed;
    }

    /**
     * The subscription if {@code token} still holds its lease. Read under a share lock, so that a pause or replay
     * either is seen here or waits until the caller's transaction has decided what to deliver next.
     */
    public Optional<WebhookSubscription> held(UUID id, UUID token) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ).filter(s -> token.equals(s.leaseToken));
    }

    /** After a delivery: the cursor moves to the event, failures are forgotten and the lease is renewed. */
    public boolean delivered(UUID id, UUID token, int epoch, long seq, Duration lease) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription
                        SET cursor_seq = :seq, failed_attempts = 0, next_attempt_at = now(),
                            leased_until = now() + :leaseMs * interval '1 millisecond'
                        WHERE id = :id AND lease_token = :token AND epoch = :epoch""")
                .setParameter("seq", seq)
                .setParameter("leaseMs", lease.toMillis())
                .setParameter("id", id)
                .setParameter("token", token)
                .setParameter("epoch", epoch)
                .executeUpdate() == 1;
    }

    /** After a failed attempt: the cursor stays before the event, the next attempt waits, the lease is let go. */
    public boolean failed(UUID id, UUID token, int epoch, long cursor, Duration wait) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription
                        SET cursor_seq = :cursor, failed_attempts = failed_attempts + 1,
                            next_attempt_at = now() + :waitMs * interval '1 millisecond',
                            lease_token = NULL, leased_until = NULL
                        WHERE id = :id AND lease_token = :token AND epoch = :epoch""")
                .setParameter("cursor", cursor)
                .setParameter("waitMs", wait.toMillis())
                .setParameter("id", id)
                .setParameter("token", token)
                .setParameter("epoch", epoch)
                .executeUpdate() == 1;
    }

    /** Moves the cursor over events that are not for this subscription. */
    public boolean skipped(UUID id, UUID token, int epoch, long cursor) {
        return getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription SET cursor_seq = :cursor
                        WHERE id = :id AND lease_token = :token AND epoch = :epoch AND cursor_seq < :cursor""")
                .setParameter("cursor", cursor)
                .setParameter("id", id)
                .setParameter("token", token)
                .setParameter("epoch", epoch)
                .executeUpdate() == 1;
    }

    public void release(UUID id, UUID token) {
        getEntityManager().createNativeQuery("""
                        UPDATE webhook_subscription SET lease_token = NULL, leased_until = NULL
                        WHERE id = :id AND lease_token = :token""")
                .setParameter("id", id)
                .setParameter("token", token)
                .executeUpdate();
    }

    /** The rows after {@code cursor}, every audience (a hole in seq must be seen as one), in seq order. */
    public List<EventHead> eventsAfter(long cursor, int limit) {
        return getEntityManager().createQuery("""
                        select new cn.gov.partyaffairs.gateway.webhook.WebhookSubscriptionRepository$EventHead(
                            e.seq, e.type, e.audience, e.recordedAt)
                        from EventLogEntry e where e.seq > :cursor order by e.seq""", EventHead.class)
                .setParameter("cursor", cursor)
                .setMaxResults(limit)
                .getResultList();
    }

    public EventLogEntry event(long seq) {
        return getEntityManager().find(EventLogEntry.class, seq);
    }

    /** The last seq in event_log: a new subscription starts after it. */
    public long lastSeq() {
        Number last = (Number) getEntityManager().createNativeQuery("SELECT coalesce(max(seq), 0) FROM event_log")
                .getSingleResult();
        return last.longValue();
    }

    /** Just before the first event_log row that occurred at or after {@code from}; the end if there is none. */
    public long cursorBefore(OffsetDateTime from) {
        Number first = (Number) getEntityManager()
                .createNativeQuery("SELECT min(seq) FROM event_log WHERE occurred_at >= :from")
                .setParameter("from", from)
                .getSingleResult();
        return first == null ? lastSeq() : first.longValue() - 1;
    }
}
