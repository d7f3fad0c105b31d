package cn.gov.partyaffairs.platform.time;

import cn.gov.partyaffairs.platform.db.DatabaseUnavailable;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A check every replica runs at a fixed interval on its own daemon thread (deadline and lapse detection). The task
 * itself must be safe to run on several replicas at once; a failed round is logged and the next one tries again.
 * Used instead of quarkus-scheduler, which broke configuration lookup in the gateway's tests.
 */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService executor;

    private PeriodicTask(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts running {@code task} every {@code interval}, the first time after one interval.
     *
     * @param task returns how many things it found, logged when more than none
     */
    public static PeriodicTask start(String name, Duration interval, IntSupplier task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval.toMillis();
        boolean[] databaseAway = {false}; // only the executor's one thread reads and writes it
        executor.scheduleWithFixedDelay(() -> {
            try {
                int found = task.getAsInt();
                if (databaseAway[0]) {
                    LOG.infof("%s: the database answers again", name);
                    databaseAway[0] = false;
                }
                if (found > 0) {
                    LOG.infof("%s: %d found", name, found);
                }
            } catch (RuntimeException e) {
                // Caught, or the executor would never run the task again: a database restart must not end it.
                if (DatabaseUnavailable.isCause(e)) {
                    // Once per outage, not every round (a round may come every few hundred milliseconds).
                    if (!databaseAway[0]) {
                        LOG.warnf("%s failed (database unreachable: %s); it runs again every %s until it answers",
                                name, DatabaseUnavailable.describe(e), interval);
                    }
                    databaseAway[0] = true;
                } else {
                    LOG.warnf("%s failed (%s); it runs again in %s", name, e.getMessage(), interval);
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new PeriodicTask(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
