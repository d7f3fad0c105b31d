package cn.gov.partyaffairs.gateway.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "gateway.webhooks")
public interface WebhookConfig {

    /** Whether this replica delivers (the subscription API works either way). */
    @WithDefault("true")
    boolean dispatch();

    /** How often each replica looks for subscriptions with an event due. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How many subscriptions one replica delivers to at the same time (one event at a time each). */
    @WithDefault("4")
    int concurrency();

    /** How long one delivery may take, connecting and answering included, before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How long a replica holds a subscription it delivers to, renewed after every delivery. Must be well above
     * {@link #timeout()}: a lease that runs out mid-delivery lets a second replica deliver the same event.
     */
    @WithDefault("60s")
    Duration lease();

    /** Events delivered to one subscription in one go before the replica lets go of it, so others get their turn. */
    @WithDefault("100")
    int maxPerPass();

    /** Retries after a failure: initial, then doubling up to max, until the receiver answers 2xx. */
    Backoff backoff();

    /**
     * How long a hole in event_log's sequence is waited for before it counts as never to be filled. A hole is an
     * event still being written (its transaction took its seq but has not committed) or one rolled back; delivering
     * past it too early would lose the first kind.
     */
    @WithDefault("10s")
    Duration gapGrace();

    /**
     * Internal address ranges (CIDRs) webhooks may reach besides those a county admin allowed: none unless the
     * installation says so (the tests' receivers listen on the loopback address).
     */
    Optional<List<String>> allowedRanges();

    /** How long the delivery log keeps an attempt. */
    @WithDefault("30d")
    Duration logRetention();

    interface Backoff {
        /** The wait after the first failed attempt. */
        @WithDefault("1s")
        Duration initial();

        /** The longest wait between two attempts. */
        @WithDefault("60s")
        Duration max();
    }

    /** The wait after the {@code failedAttempts}-th failure in a row: initial × 2^(n−1), at most max. */
    static Duration backoff(Backoff backoff, int failedAttempts) {
        long initial = backoff.initial().toMillis();
        long max = backoff.max().toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long wait = initial;
        for (int i = 0; i < doublings && wait < max; i++) {
            wait *= 2;
        }
        return Duration.ofMillis(Math.min(wait, max));
    }
}
