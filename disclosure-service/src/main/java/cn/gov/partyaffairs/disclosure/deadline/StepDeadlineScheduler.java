package cn.gov.partyaffairs.disclosure.deadline;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Runs the step deadline detector on every replica at a fixed interval; the detector makes that safe. */
@ApplicationScoped
public class StepDeadlineScheduler extends PeriodicDetector {

    private final StepDeadlineDetector detector;
    private final DisclosureConfig config;

    public StepDeadlineScheduler(StepDeadlineDetector detector, DisclosureConfig config) {
        this.detector = detector;
        this.config = config;
    }

    @Override
    protected String name() {
        return "step-deadlines";
    }

    @Override
    protected Duration interval() {
        return config.stepLimits().checkInterval();
    }

    @Override
    protected int detect() {
        return detector.detect();
    }
}
