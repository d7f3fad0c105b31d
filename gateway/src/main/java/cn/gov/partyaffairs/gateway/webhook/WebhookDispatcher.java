package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import cn.gov.partyaffairs.platform.time.PeriodicTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers event_log to the subscriptions, on every gateway replica. Each poll claims due subscriptions under
 * {@code FOR UPDATE SKIP LOCKED} and leases them (so no two replicas deliver to one subscription at once), then a
 * worker delivers each one's events in seq order, one at a time: a failed attempt stops that subscription until its
 * back-off has passed, so a later event never overtakes an earlier one. No transaction stays open across an HTTP
 * call; the lease and the subscription's epoch decide afterwards whether the outcome may still move the cursor.
 *
 * <p>Delivery is at least once: a replica that dies between the receiver's 2xx and recording it leaves the event to
 * be delivered again once its lease has run out. Receivers deduplicate by the event id ({@code X-Webhook-Id}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** event_log rows read at a time while looking for a subscription's next event. */
    private static final int BATCH = 100;
    private static final long PRUNE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;

    /** Subscriptions this replica is delivering to right now, with the token of their lease. */
    private final Map<UUID, UUID> inFlight = new ConcurrentHashMap<>();
    /** Holes in event_log's seq, by their first missing seq, with when this replica first saw each. */
    private final Map<Long, Long> holesSeen = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private volatile long lastPrune = System.nanoTime() - PRUNE_EVERY_NANOS;
    private Semaphore free;
    private ExecutorService workers;
    private PeriodicTask task;

    public WebhookDispatcher(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
                             WebhookSender sender, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
    }

    /** Starts after the database bootstrap (PLATFORM_BEFORE) has migrated the schema. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        if (!config.dispatch()) {
            return;
        }
        if (config.lease().compareTo(config.timeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException("gateway.webhooks.lease (" + config.lease()
                    + ") must be at least twice gateway.webhooks.timeout (" + config.timeout() + ")");
        }
        free = new Semaphore(config.concurrency());
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread thread = new Thread(r, "webhook-delivery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        task = PeriodicTask.start("webhook-dispatcher", config.pollInterval(), this::poll);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (task == null) {
            return;
        }
        task.close();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
        // Let go at once rather than have the other replicas wait for the leases to run out.
        inFlight.forEach(this::release);
    }

    /** How many polls have finished: with {@link #delivering}, lets a test know the dispatcher has had its chance. */
    public long polls() {
        return polls.get();
    }

    /** Whether this replica is delivering to the subscription right now. */
    public boolean delivering(UUID subscriptionId) {
        return inFlight.containsKey(subscriptionId);
    }

    int poll() {
        try {
            int room = free.availablePermits();
            if (room > 0) {
                UUID token = UUID.randomUUID();
                List<UUID> claimed = QuarkusTransaction.requiringNew()
                        .call(() -> subscriptions.claimDue(room, inFlight.keySet(), token, config.lease()));
                for (UUID id : claimed) {
                    start(id, token);
                }
            }
            housekeeping();
            // Every attempt is in the delivery log; a log line per poll would drown everything else.
            return 0;
        } finally {
            polls.incrementAndGet();
        }
    }

    private void start(UUID id, UUID token) {
        free.acquireUninterruptibly();
        inFlight.put(id, token);
        try {
            workers.execute(() -> {
                try {
                    deliver(id, token);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Webhook %s: delivery stopped (%s); it is tried again at the next poll", id, e.getMessage());
                } finally {
                    done(id, token);
                }
            });
        } catch (RejectedExecutionException e) {
            done(id, token); // shutting down
        }
    }

    private void done(UUID id, UUID token) {
        try {
            release(id, token);
        } finally {
            inFlight.remove(id, token);
            free.release();
        }
    }

    private void release(UUID id, UUID token) {
        try {
            QuarkusTransaction.requiringNew().run(() -> subscriptions.release(id, token));
        } catch (RuntimeException e) {
            LOG.debugf("Webhook %s: lease not released (%s); it runs out by itself", id, e.getMessage());
        }
    }

    /** Delivers one subscription's due events in order until it has none, one fails, or its turn is over. */
    private void deliver(UUID id, UUID token) {
        for (int round = 0; round < config.maxPerPass() && !Thread.currentThread().isInterrupted(); round++) {
            Step step = QuarkusTransaction.requiringNew().call(() -> next(id, token));
            if (step == null) {
                return; // paused, deleted, or no longer ours
            }
            if (step.event() == null) {
                if (step.cursor() > step.subscription().cursorSeq) {
                    QuarkusTransaction.requiringNew().run(() ->
                            subscriptions.skipped(id, token, step.subscription().epoch, step.cursor()));
                }
                if (!step.more()) {
                    return;
                }
                continue;
            }
            int attempt = step.subscription().failedAttempts + 1;
            WebhookSender.Outcome outcome = sender.send(id, step.subscription().targetUrl,
                    step.subscription().secret, step.event(), attempt);
            boolean stillOurs = QuarkusTransaction.requiringNew().call(() -> record(id, token, step, attempt, outcome));
            if (!stillOurs || !outcome.delivered()) {
                return;
            }
        }
    }

    /**
     * What to do next for a subscription.
     *
     * @param cursor where the cursor can move without delivering (past events that are not for it)
     * @param event  the event to deliver next, or null
     * @param more   whether more rows may follow the ones looked at
     */
    private record Step(WebhookSubscription subscription, long cursor, EventLogEntry event, boolean more) {
    }

    private Step next(UUID id, UUID token) {
        WebhookSubscription subscription = subscriptions.held(id, token).orElse(null);
        if (subscription == null || subscription.status != WebhookSubscription.Status.ACTIVE) {
            return null;
        }
        List<WebhookSubscriptionRepository.EventHead> heads = subscriptions.eventsAfter(subscription.cursorSeq, BATCH);
        long cursor = subscription.cursorSeq;
        for (WebhookSubscriptionRepository.EventHead head : heads) {
            if (head.seq() != cursor + 1 && !holeSettled(cursor + 1, head)) {
                return new Step(subscription, cursor, null, false); // an event may still be committing there
            }
            if (head.audience() == EventLogEntry.Audience.PUBLIC && subscription.wants(head.type())) {
                return new Step(subscription, cursor, subscriptions.event(head.seq()), false);
            }
            cursor = head.seq();
        }
        return new Step(subscription, cursor, null, heads.size() == BATCH);
    }

    /**
     * Whether a hole starting at {@code seq} has been there long enough to be taken as never to be filled. A fresh
     * hole is timed from when this replica first saw it; one whose next row was recorded long before (a replay
     * crossing old rolled-back seqs) is settled at once, with a margin wide enough for clocks that differ a little.
     */
    private boolean holeSettled(long seq, WebhookSubscriptionRepository.EventHead after) {
        if (after.recordedAt().toInstant().isBefore(Instant.now().minusNanos(forgetHolesAfter()))) {
            return true;
        }
        long now = System.nanoTime();
        Long firstSeen = holesSeen.putIfAbsent(seq, now);
        return now - (firstSeen == null ? now : firstSeen) >= config.gapGrace().toNanos();
    }

    /** Holes are remembered this long; a row recorded longer ago than this is past any hole before it. */
    private long forgetHolesAfter() {
        return Math.max(config.gapGrace().toNanos() * 10, TimeUnit.MINUTES.toNanos(1));
    }

    private boolean record(UUID id, UUID token, Step step, int attempt, WebhookSender.Outcome outcome) {
        WebhookSubscription subscription = step.subscription();
        EventLogEntry event = step.event();
        if (outcome.delivered()) {
            deliveries.log(id, event, attempt, outcome, null);
            LOG.debugf("Webhook %s: delivered event %s (seq %d), attempt %d", id, event.eventId, event.seq, attempt);
            return subscriptions.delivered(id, token, subscription.epoch, event.seq, config.lease());
        }
        Duration wait = WebhookConfig.backoff(config.backoff(), attempt);
        boolean ours = subscriptions.failed(id, token, subscription.epoch, step.cursor(), wait);
        deliveries.log(id, event, attempt, outcome, ours ? wait : null);
        LOG.infof("Webhook %s: event %s not delivered to %s, attempt %d: %s; next attempt in %s", id, event.eventId,
                subscription.targetUrl, attempt, outcome.error(), wait);
        return ours;
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long forgetHolesAfter = forgetHolesAfter();
        holesSeen.values().removeIf(seen -> now - seen > forgetHolesAfter);
        if (now - lastPrune >= PRUNE_EVERY_NANOS) {
            lastPrune = now;
            int pruned = QuarkusTransaction.requiringNew().call(() -> deliveries.prune(config.logRetention()));
            if (pruned > 0) {
                LOG.infof("Webhook delivery log: %d attempts older than %s forgotten", pruned, config.logRetention());
            }
        }
    }
}
