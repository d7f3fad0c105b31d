package cn.gov.partyaffairs.bench.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits until the suite's processes have stopped working on their own before a measurement. A service just restarted
 * with the production flags compiles and catches up for a minute or more on one processor, and a ceiling measured
 * then was a tenth of the same check measured a minute later, so every ratio to it meant nothing.
 */
public final class Quiet {

    /** Below this share of one core, summed over the parts, the suite is idle (timers, heartbeats). */
    private static final double IDLE_CORES = 0.15;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    private Quiet() {
    }

    /** @return the seconds waited; gives up after {@code limit} and says so (the figures then say what they say). */
    public static long await(SuiteAccess suite, List<String> parts, Duration limit, Consumer<String> log) {
        if (limit.isZero()) {
            return 0;
        }
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        double busy = Double.NaN;
        while (System.nanoTime() < deadline) {
            List<Long> pids = new ArrayList<>();
            for (String part : parts) {
                try {
                    pids.add(suite.pid(part));
                } catch (IllegalStateException notRunning) {
                    // a part this run does not have (the baseline app in the history suite)
                }
            }
            long before = CpuTime.ticks(pids);
            sleep(WINDOW);
            busy = (CpuTime.ticks(pids) - before) / (double) CpuTime.TICKS_PER_SECOND / (WINDOW.toMillis() / 1000.0);
            if (busy < IDLE_CORES) {
                long waited = Math.round((System.nanoTime() - start) / 1e9);
                if (waited > WINDOW.toSeconds()) {
                    log.accept("the suite is quiet after " + waited + " s");
                }
                return waited;
            }
        }
        log.accept(String.format(java.util.Locale.ROOT, "the suite is still busy after %d s (%.2f cores); measuring anyway",
                limit.toSeconds(), busy));
        return limit.toSeconds();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
