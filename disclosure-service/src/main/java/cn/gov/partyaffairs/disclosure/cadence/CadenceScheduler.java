package cn.gov.partyaffairs.disclosure.cadence;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig;
import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Runs the cadence engine on every replica at a fixed interval; the engine itself makes that safe. */
@ApplicationScoped
public class CadenceScheduler extends PeriodicDetector {

    private final CadenceEngine engine;
    private final DisclosureConfig config;

    public CadenceScheduler(CadenceEngine engine, DisclosureConfig config) {
        this.engine = engine;
        this.config = config;
    }

    @Override
    protected String name() {
        return "cadence-check";
    }

    @Override
    protected Duration interval() {
        return config.cadence().checkInterval();
    }

    @Override
    protected int detect() {
        return engine.check();
    }
}
