package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.load.LoadDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The campaign's one table (Markdown, printed and written) and its verdict. */
final class ChaosReport {

    private final ChaosPlan plan;
    private final String stamp;
    private final String commit;
    private final Ledger ledger;
    private final LoadDriver.Outcome load;
    private final List<Faults.Healed> healed;
    private final Checks.Outcome checks;
    private final boolean digestEqual;
    private final boolean ownDatabase;

    ChaosReport(ChaosPlan plan, String stamp, String commit, Ledger ledger, LoadDriver.Outcome load,
                List<Faults.Healed> healed, Checks.Outcome checks, boolean digestEqual, boolean ownDatabase) {
        this.plan = plan;
        this.stamp = stamp;
        this.commit = commit;
        this.ledger = ledger;
        this.load = load;
        this.healed = healed;
        this.checks = checks;
        this.digestEqual = digestEqual;
        this.ownDatabase = ownDatabase;
    }

    String markdown() {
        List<Ledger.Ack> acks = ledger.acks();
        StringBuilder md = new StringBuilder();
        md.append("### Chaos campaign, ").append(plan.name()).append(", ").append(stamp).append(" (commit ").append(commit)
                .append(", load average ").append(loadAverage()).append(")\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "commands sent", String.format("%d (%.1f/s for %.0f s, open model)", ledger.sentCount(), plan.rate(),
                load.seconds()));
        row(md, "acknowledged", acks.size() + " (" + ledger.routes().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; ")) + ")");
        row(md, "by command", acks.stream().collect(Collectors.groupingBy(Ledger.Ack::command, java.util.TreeMap::new,
                Collectors.counting())).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        row(md, "not acknowledged", notAcknowledged());
        row(md, "**lost** (acknowledged, missing in the owner, the gateway or a register)", bold(checks.lost()));
        row(md, "**duplicated** (a version twice, a counter not its rows)", bold(checks.duplicated()));
        row(md, "**version gaps** (" + checks.aggregates() + " aggregates, owner's outbox and gateway's log)",
                bold(checks.gaps()));
        row(md, "`./suite rebuild` digest = live", digestEqual ? "yes" : "**NO**");
        row(md, "latency, due → answered (every answer)", String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                load.percentileMillis(50), load.percentileMillis(99), load.maxMillis()));
        md.append("\n| # | at | fault | fault → ready | ready → caught up | waiting at ready |\n");
        md.append("|---|---|---|---|---|---|\n");
        int i = 1;
        for (Faults.Healed h : healed) {
            String caught = Double.isNaN(h.caughtUp()) ? "**not within 90 s**" : String.format("%.1f s", h.caughtUp());
            if (!Double.isNaN(h.caughtUp()) && h.caughtUp() > plan.catchUpLimit().toSeconds()) {
                caught = "**" + caught + "**";
            }
            md.append(String.format("| %d | %.0f s | %s | %s | %s | %d |%n", i++, h.at(), h.fault().label(),
                    h.back() ? String.format("%.1f s", h.downToReady()) : "**did not come back**", caught, h.waiting()));
        }
        if (!ownDatabase) {
            md.append("\nNo database restart: this suite's PostgreSQL was not started by it (`./suite chaos --own` starts"
                    + " a suite with its own).\n");
        }
        md.append("\n").append(plan.strictCatchUp()
                ? "Every read model must hold every acknowledged command within " + plan.catchUpLimit().toSeconds()
                + " s of the part being ready (fails the run)."
                : "Catch-up times are reported, not judged: the short run shares the machine with whatever else runs"
                + " (load average above); it fails only on a loss, a duplicate, a gap or a rebuild difference.")
                .append("\n");
        if (!checks.findings().isEmpty()) {
            md.append("\n```\n").append(String.join("\n", checks.findings())).append("\n```\n");
        }
        return md.toString();
    }

    private String notAcknowledged() {
        Map<String, Long> answers = ledger.answers();
        List<String> parts = new ArrayList<>();
        Map<String, Long> byOutcome = new java.util.TreeMap<>();
        answers.forEach((key, count) -> {
            String outcome = key.substring(key.indexOf(' ') + 1);
            if (!outcome.startsWith("2")) {
                byOutcome.merge(outcome, count, Long::sum);
            }
        });
        byOutcome.forEach((outcome, count) -> parts.add(count + "× " + outcome));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    List<String> verdicts() {
        List<String> verdicts = new ArrayList<>();
        if (checks.lost() + checks.duplicated() + checks.gaps() > 0) {
            verdicts.add("FAILED: " + checks.lost() + " lost, " + checks.duplicated() + " duplicated, " + checks.gaps() + " gaps");
        }
        if (!digestEqual) {
            verdicts.add("FAILED: the rebuilt read models differ from the live ones");
        }
        if (healed.size() < plan.faults().size() || healed.stream().anyMatch(h -> !h.back())) {
            verdicts.add("FAILED: a part did not come back");
        }
        for (Faults.Healed h : healed) {
            boolean slow = Double.isNaN(h.caughtUp()) || h.caughtUp() > plan.catchUpLimit().toSeconds();
            if (slow) {
                verdicts.add((plan.strictCatchUp() ? "FAILED: " : "slow (reported, not failing the short run): ")
                        + h.fault().label() + ": read models caught up " + (Double.isNaN(h.caughtUp()) ? "never"
                        : String.format("%.1f s", h.caughtUp())) + " after ready (limit " + plan.catchUpLimit().toSeconds() + " s)");
            }
        }
        if (verdicts.isEmpty()) {
            verdicts.add("passed: nothing lost, nothing twice, no gaps, the rebuild equals the live read models");
        }
        return verdicts;
    }

    boolean passed() {
        return verdicts().stream().noneMatch(v -> v.startsWith("FAILED"));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String bold(long count) {
        return count == 0 ? "0" : "**" + count + "**";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
