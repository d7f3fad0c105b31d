package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.time.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Runs the step deadline detector on every replica at a fixed interval; the detector makes that safe. */
@ApplicationScoped
public class StepDeadlineScheduler {

    private final StepDeadlineDetector detector;
    private final DisclosureConfig config;
    private PeriodicTask task;

    public StepDeadlineScheduler(StepDeadlineDetector detector, DisclosureConfig config) {
        this.detector = detector;
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        task = PeriodicTask.start("step-deadlines", config.stepLimits().checkInterval(), detector::detect);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (task != null) {
            task.close();
        }
    }
}
