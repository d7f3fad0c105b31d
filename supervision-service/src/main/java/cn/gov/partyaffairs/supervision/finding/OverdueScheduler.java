package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.platform.time.PeriodicTask;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Every replica looks for overdue rectification at a fixed interval; the detector makes that safe. */
@ApplicationScoped
public class OverdueScheduler {

    private final RectificationOverdueDetector detector;
    private final SupervisionConfig config;
    private PeriodicTask task;

    public OverdueScheduler(RectificationOverdueDetector detector, SupervisionConfig config) {
        this.detector = detector;
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        task = PeriodicTask.start("rectification-overdue-check", config.overdue().checkInterval(), detector::check);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (task != null) {
            task.close();
        }
    }
}
