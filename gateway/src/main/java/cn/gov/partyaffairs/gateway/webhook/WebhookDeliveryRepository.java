package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

/** The delivery log. */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long> {

    public PanacheQuery<WebhookDelivery> ofSubscription(UUID subscriptionId) {
        return find("subscriptionId", Sort.descending("id"), subscriptionId);
    }

    /**
     * Logs one attempt, unless the subscription was deleted meanwhile. {@code retryAfter}: when the event is tried
     * again, counted on the database's clock like the subscription's own next attempt; null once delivered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void log(UUID subscriptionId, EventLogEntry event, int attempt, WebhookSender.Outcome outcome,
                    Duration retryAfter) {
        // A Hibernate mutation query, so that a null status or error is bound with its type.
        getEntityManager().unwrap(Session.class).createNativeMutationQuery("""
                        INSERT INTO webhook_delivery (subscription_id, event_seq, event_id, event_type, attempt,
                            status_code, error, attempted_at, duration_ms, next_attempt_at)
                        SELECT :subscription, :seq, :eventId, :type, :attempt, :status, :error, :attemptedAt,
                            :durationMs, CASE WHEN :retry THEN now() + :retryMs * interval '1 millisecond' END
                        WHERE EXISTS (SELECT 1 FROM webhook_subscription WHERE id = :subscription)""")
                .setParameter("subscription", subscriptionId)
                .setParameter("seq", event.seq)
                .setParameter("eventId", event.eventId)
                .setParameter("type", event.type)
                .setParameter("attempt", attempt)
                .setParameter("status", outcome.statusCode(), Integer.class)
                .setParameter("error", outcome.error(), String.class)
                .setParameter("attemptedAt", outcome.attemptedAt().atOffset(ZoneOffset.UTC))
                .setParameter("durationMs", outcome.durationMs())
                .setParameter("retry", retryAfter != null)
                .setParameter("retryMs", retryAfter == null ? 0L : retryAfter.toMillis())
                .executeUpdate();
    }

    /** Forgets attempts older than {@code retention}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int prune(Duration retention) {
        return getEntityManager().createNativeQuery(
                        "DELETE FROM webhook_delivery WHERE attempted_at < now() - :ms * interval '1 millisecond'")
                .setParameter("ms", retention.toMillis())
                .executeUpdate();
    }
}
