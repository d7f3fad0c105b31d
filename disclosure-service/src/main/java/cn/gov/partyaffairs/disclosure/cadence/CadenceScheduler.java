package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.time.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Runs the cadence engine on every replica at a fixed interval; the engine itself makes that safe. */
@ApplicationScoped
public class CadenceScheduler {

    private final CadenceEngine engine;
    private final DisclosureConfig config;
    private PeriodicTask task;

    public CadenceScheduler(CadenceEngine engine, DisclosureConfig config) {
        this.engine = engine;
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        task = PeriodicTask.start("cadence-check", config.cadence().checkInterval(), engine::check);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (task != null) {
            task.close();
        }
    }
}
