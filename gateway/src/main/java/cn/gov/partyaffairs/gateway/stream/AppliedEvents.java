package cn.gov.partyaffairs.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who waits for the read models to show a version of an aggregate (read-your-writes): the log's tail tells it of
 * every event any replica has applied, so a waiting command is answered as soon as the change is readable, without
 * asking the database again and again.
 */
@ApplicationScoped
public class AppliedEvents {

    private record Waiter(long version, CompletableFuture<Void> done) {
    }

    private final Map<UUID, List<Waiter>> waiting = new ConcurrentHashMap<>();

    /** Completes once an event of the aggregate at {@code version} or later has been applied (the caller times out). */
    public CompletableFuture<Void> await(UUID aggregate, long version) {
        Waiter waiter = new Waiter(version, new CompletableFuture<>());
        waiting.computeIfAbsent(aggregate, id -> new CopyOnWriteArrayList<>()).add(waiter);
        waiter.done().whenComplete((ok, error) -> forget(aggregate, waiter));
        return waiter.done();
    }

    void applied(UUID aggregate, long version) {
        List<Waiter> waiters = waiting.get(aggregate);
        if (waiters != null) {
            for (Waiter waiter : waiters) {
                if (waiter.version() <= version) {
                    waiter.done().complete(null);
                }
            }
        }
    }

    private void forget(UUID aggregate, Waiter waiter) {
        waiting.computeIfPresent(aggregate, (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
