package cn.gov.partyaffairs.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how big each scenario is. The full run is the one whose figures count; the quick one runs every
 * scenario briefly, to see that each figure is there and makes sense (./suite test).
 */
public record Plan(String name,
                   Duration baselineEach,
                   int kafkaRecords,
                   int kafkaRoundTrips,
                   Duration warmup,
                   Duration ceilingWarmup,
                   Duration ceiling,
                   Duration stall,
                   Duration closedRead,
                   Duration openRead,
                   List<Integer> openShares,
                   Duration command,
                   List<Integer> streamClients,
                   int streamEvents,
                   Duration idle,
                   int historyEvents,
                   Duration quietLimit,
                   Duration readWarmup,
                   int rounds,
                   Duration commandWarmup) {

    // quietLimit: how long a measurement waits for the suite to finish its own work first (Quiet); the quick run
    // measures beside its history suite on purpose and does not wait.
    // readWarmup: each public read (and the liveness check) once before any is measured, so the JIT has them all.
    // rounds: a read and its liveness ceiling are measured in this many turns each (see PublicReads.measure), and
    // pgbench's select, write and unsynced write run this many times each, the median kept (two idle runs' single
    // writes: 4,449 and 5,540 tps; the medians of the next pair still 4,127 and 6,090: the write is bound by commits).
    // commandWarmup: commands go through paths of four JVMs that nothing before them ran (the forwarder, the
    // read-your-writes wait); measured after 3 s, two idle runs disagreed by 70% on every command, and after 20 s
    // the JVMs' compiler threads were still the busiest in the window (run 20261207T164515Z).
    // ceiling and closedRead: 15 s each, in turns of 5 s (10 s: two reads of an idle pair moved by 23%).
    // ceilingWarmup: a JVM just restarted with the production flags runs its liveness check several times slower
    // until the JIT has compiled that path; a ceiling measured cold made every ratio to it look better than it is.

    /** Connections of every closed-model run (the 8). */
    public static final int CONNECTIONS = 8;
    /** Connections an open-model run may use: arrivals queue at the server, not in the load driver. */
    public static final int OPEN_CONNECTIONS = 64;

    public static Plan full() {
        return new Plan("full", Duration.ofSeconds(10), 500_000, 5_000, Duration.ofSeconds(3), Duration.ofSeconds(20),
                Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(15),
                List.of(50, 90), Duration.ofSeconds(30), List.of(100, 1_000, 2_000, 10_000), 10, Duration.ofSeconds(10), 200_000,
                Duration.ofMinutes(3), Duration.ofSeconds(10), 3, Duration.ofSeconds(40));
    }

    public static Plan quick() {
        return new Plan("quick", Duration.ofSeconds(1), 10_000, 100, Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(500), List.of(50),
                Duration.ofSeconds(2), List.of(50, 200), 2, Duration.ofSeconds(1), 1_000,
                Duration.ZERO, Duration.ZERO, 1, Duration.ofMillis(300));
    }

    public boolean isFull() {
        return "full".equals(name);
    }
}
