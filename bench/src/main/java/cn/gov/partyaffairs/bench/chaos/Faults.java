package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The schedule of faults, one after another while the load runs, each done and undone with the launcher's own
 * {@code ./suite part} commands (so that the campaign breaks the suite exactly as an operator's tooling would, and
 * brings it back as {@code up} starts it). After each one it waits until every command acknowledged before the part
 * was ready again is in every read model, and records how long that took.
 */
final class Faults {

    /** A part must be back and every read model caught up within this, or the campaign says so and goes on. */
    private static final Duration HEAL_LIMIT = Duration.ofSeconds(90);

    /**
     * One fault as it went. Times in seconds; {@code caughtUp} is NaN when the read models were not caught up within
     * {@link #HEAL_LIMIT}, and {@code waiting} is how many acknowledged commands the read models still lacked when
     * the part was ready.
     */
    record Healed(ChaosPlan.Fault fault, double at, double downToReady, double caughtUp, long waiting, boolean back) {

        double total() {
            return downToReady + (Double.isNaN(caughtUp) ? 0 : caughtUp);
        }
    }

    private final SuiteAccess suite;
    private final Ledger ledger;
    private final long start;
    private final Path log;

    Faults(SuiteAccess suite, Ledger ledger, long start) {
        this.suite = suite;
        this.ledger = ledger;
        this.start = start;
        this.log = suite.run().resolve("logs/chaos-suite.log");
    }

    List<Healed> run(ChaosPlan plan) {
        List<Healed> healed = new ArrayList<>();
        sleep(plan.leadIn());
        for (ChaosPlan.Fault fault : plan.faults()) {
            Healed one = inflict(fault);
            healed.add(one);
            Chaos.log(String.format("%s: ready %.1f s after the fault, read models caught up %s after that (%d commands waiting)",
                    fault.label(), one.downToReady(), Double.isNaN(one.caughtUp()) ? "NOT" : String.format("%.1f s", one.caughtUp()),
                    one.waiting()));
            if (!one.back()) {
                Chaos.log(fault.part() + " did not come back: the campaign stops here");
                break;
            }
            sleep(plan.gap());
        }
        return healed;
    }

    private Healed inflict(ChaosPlan.Fault fault) {
        long at = System.nanoTime();
        Chaos.log(fault.label());
        boolean back;
        if (fault.kind() == ChaosPlan.Fault.Kind.KILL) {
            part("kill", fault.part());
            sleep(fault.down());
            // A start that fails (a port not yet free, a slow broker) is tried once more, as an orchestrator would.
            back = part("start", fault.part()) || part("start", fault.part());
        } else {
            part("pause", fault.part());
            sleep(fault.down());
            back = part("resume", fault.part());
        }
        long ready = System.nanoTime();
        long limit = ready + HEAL_LIMIT.toNanos();
        long caught;
        while ((caught = ledger.allConfirmedAt(ready)) < 0 && System.nanoTime() < limit) {
            sleep(Duration.ofMillis(100));
        }
        double caughtUp = caught < 0 ? Double.NaN : Math.max(0, caught - ready) / 1e9;
        return new Healed(fault, (at - start) / 1e9, (ready - at) / 1e9, caughtUp, ledger.waitingAt(ready), back);
    }

    /** {@code ./suite part ACTION PART} against this suite (the environment names it); true when it succeeded. */
    private boolean part(String action, String part) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(suite.root().resolve("suite").toString(), "part", action, part)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                Chaos.log("./suite part " + action + " " + part + " did not finish in 10 minutes");
                return false;
            }
            if (process.exitValue() != 0) {
                Chaos.log("./suite part " + action + " " + part + " failed (" + process.exitValue() + "); see " + log);
                return false;
            }
            return true;
        } catch (IOException e) {
            Chaos.log("cannot run ./suite part " + action + " " + part + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
