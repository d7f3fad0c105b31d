package cn.gov.partyaffairs.commitment.overdue;

import cn.gov.partyaffairs.commitment.config.CommitmentConfig;
import cn.gov.partyaffairs.platform.time.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Every replica looks for overdue commitments and missed milestones at a fixed interval, each in its own
 * transaction; the detectors make that safe.
 */
@ApplicationScoped
public class OverdueScheduler {

    private final OverdueDetector detector;
    private final MilestoneDetector milestones;
    private final CommitmentConfig config;
    private PeriodicTask task;

    public OverdueScheduler(OverdueDetector detector, MilestoneDetector milestones, CommitmentConfig config) {
        this.detector = detector;
        this.milestones = milestones;
        this.config = config;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        task = PeriodicTask.start("overdue-check", config.overdue().checkInterval(),
                () -> detector.check() + milestones.check());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (task != null) {
            task.close();
        }
    }
}
