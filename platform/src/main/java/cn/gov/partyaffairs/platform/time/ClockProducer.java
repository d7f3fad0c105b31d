package cn.gov.partyaffairs.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock services read "now" from, in the county's time zone, so that tests can replace it and move time
 * (deadlines, cadence).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(TimeConfig time) {
        return Clock.system(time.zone());
    }
}
