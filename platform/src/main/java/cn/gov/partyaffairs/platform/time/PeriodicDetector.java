package cn.gov.partyaffairs.platform.time;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.time.Duration;

/**
 * A detector every replica runs at a fixed interval as a {@link PeriodicTask}, from the application's start to its
 * stop (overdue commitments, missed milestones, overdue rectification; the disclosure cadence fits too). A subclass
 * is an {@code @ApplicationScoped} bean that says its name, its interval and what one round does; each round must be
 * safe to run on several replicas at once (each detector locks what it changes).
 */
public abstract class PeriodicDetector {

    private PeriodicTask task;

    /** The thread's name and the logs' (e.g. {@code overdue-check}). */
    protected abstract String name();

    protected abstract Duration interval();

    /** One round, in its own transaction(s); returns how many things it found. */
    protected abstract int detect();

    // Public, so that the observers inherited by a subclass in another package are called without reflection.
    public void startDetecting(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        task = PeriodicTask.start(name(), interval(), this::detect);
    }

    public void stopDetecting(@Observes ShutdownEvent shutdown) {
        if (task != null) {
            task.close();
        }
    }
}
