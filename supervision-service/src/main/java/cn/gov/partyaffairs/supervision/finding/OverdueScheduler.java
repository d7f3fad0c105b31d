package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import cn.gov.partyaffairs.supervision.config.SupervisionConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Every replica looks for overdue rectification at a fixed interval; the detector makes that safe. */
@ApplicationScoped
public class OverdueScheduler extends PeriodicDetector {

    private final RectificationOverdueDetector detector;
    private final SupervisionConfig config;

    public OverdueScheduler(RectificationOverdueDetector detector, SupervisionConfig config) {
        this.detector = detector;
        this.config = config;
    }

    @Override
    protected String name() {
        return "rectification-overdue-check";
    }

    @Override
    protected Duration interval() {
        return config.overdue().checkInterval();
    }

    @Override
    protected int detect() {
        return detector.check();
    }
}
