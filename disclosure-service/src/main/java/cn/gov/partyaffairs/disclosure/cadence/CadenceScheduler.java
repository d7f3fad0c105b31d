package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the cadence engine on every replica at a fixed interval; the engine itself makes that safe. */
@ApplicationScoped
public class CadenceScheduler {

    private static final Logger LOG = Logger.getLogger(CadenceScheduler.class);

    private final CadenceEngine engine;
    private final DisclosureConfig config;
    private ScheduledExecutorService executor;

    public CadenceScheduler(CadenceEngine engine, DisclosureConfig config) {
        this.engine = engine;
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        long every = config.cadence().checkInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cadence-engine");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            int lapses = engine.check();
            if (lapses > 0) {
                LOG.infof("Cadence check: %d new lapse(s)", lapses);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cadence check failed (%s); it runs again in %s", e.getMessage(), config.cadence().checkInterval());
        }
    }
}
