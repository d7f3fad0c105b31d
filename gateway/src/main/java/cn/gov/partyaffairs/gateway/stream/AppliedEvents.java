package cn.gov.partyaffairs.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who waits for the read models to show a version of an aggregate (read-your-writes): the log's tail tells it of
 * every event any replica has applied, so a waiting command is answered as soon as the change is readable, without
 * asking the database again and again. It also remembers the newest version of the aggregates it heard of lately, so
 * a command whose change was applied before it began to wait (the tail is often quicker than the service's answer)
 * is answered at once, without a query.
 */
@ApplicationScoped
public class AppliedEvents {

    /** Aggregates remembered; older ones fall back on the database (the forwarder asks it now and then). */
    static final int REMEMBERED = 100_000;

    private record Waiter(long version, CompletableFuture<Void> done) {
    }

    private final Map<UUID, List<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Map<UUID, Long> newest = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Completes once an event of the aggregate at {@code version} or later has been applied (the caller times out). */
    public CompletableFuture<Void> await(UUID aggregate, long version) {
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        waiting.computeIfAbsent(aggregate, id -> new CopyOnWriteArrayList<>()).add(waiter);
        waiter.done().whenComplete((ok, error) -> forget(aggregate, waiter));
        // After registering: an event the tail hands over from now on completes the waiter, one before it is here.
        if (newestApplied(aggregate) >= version) {
            waiter.done().complete(null);
        }
        return waiter.done();
    }

    void applied(UUID aggregate, long version) {
        synchronized (newest) {
            newest.merge(aggregate, version, Math::max);
        }
        List<Waiter> waiters = waiting.get(aggregate);
        if (waiters != null) {
            for (Waiter waiter : waiters) {
                if (waiter.version() <= version) {
                    waiter.done().complete(null);
                }
            }
        }
    }

    private long newestApplied(UUID aggregate) {
        synchronized (newest) {
            return newest.getOrDefault(aggregate, 0L);
        }
    }

    private void forget(UUID aggregate, Waiter waiter) {
        waiting.computeIfPresent(aggregate, (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
