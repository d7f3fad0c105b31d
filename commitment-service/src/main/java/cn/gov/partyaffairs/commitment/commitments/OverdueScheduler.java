package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.config.CommitmentConfig;
import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Every replica looks for overdue commitments and missed milestones at a fixed interval, each in its own
 * transaction; the detectors make that safe.
 */
@ApplicationScoped
public class OverdueScheduler extends PeriodicDetector {

    private final OverdueDetector detector;
    private final MilestoneDetector milestones;
    private final CommitmentConfig config;

    public OverdueScheduler(OverdueDetector detector, MilestoneDetector milestones, CommitmentConfig config) {
        this.detector = detector;
        this.milestones = milestones;
        this.config = config;
    }

    @Override
    protected String name() {
        return "overdue-check";
    }

    @Override
    protected Duration interval() {
        return config.overdue().checkInterval();
    }

    @Override
    protected int detect() {
        return detector.check() + milestones.check();
    }
}
