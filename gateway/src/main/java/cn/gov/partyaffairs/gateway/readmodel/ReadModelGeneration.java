package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves whenever the read models may have changed: the event log's tail moves it when any replica's
 * projections commit, a rebuild when it is done. Whatever was read from the read models under an older number
 * may be out of date (the public read cache keys on it).
 */
@ApplicationScoped
public class ReadModelGeneration {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    public void advance() {
        generation.incrementAndGet();
    }
}
