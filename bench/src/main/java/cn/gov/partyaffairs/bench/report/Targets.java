package cn.gov.partyaffairs.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The gateway's targets (the issue "The gateway at county scale"), judged on one run's figures. A target whose
 * figures are missing is "not measured", never met.
 */
public final class Targets {

    /** {@code met} is null when the figures are missing. */
    public record Verdict(String id, String what, String goal, String measured, Boolean met) {
        public String mark() {
            return met == null ? "–" : met ? "✓" : "✗";
        }
    }

    private record Target(String id, String what, String goal, Function<Results, Verdict> judge) {
    }

    static final String[] T2_READS = {"disclosures", "organization", "commitments", "search-word", "search-two-words",
            "disclosure-page"};
    static final String[] COMMANDS = {"register", "draft-submit", "comment"};

    private Targets() {
    }

    public static List<Verdict> judge(Results r) {
        List<Target> targets = List.of(
                new Target("T1", "no stalled request: /q/health/live, 8 connections, kept and new connections",
                        "none > 100 ms; p99.9 ≤ 20 ms", Targets::stalls),
                new Target("T2", "public reads on the demo data", "≥ 0.25× /q/health/live; p99 ≤ 50 ms at 50% load",
                        results -> reads(results, "read", "T2")),
                new Target("T3", "public stream, 2,000 clients", "≥ 99% of frames within 500 ms",
                        results -> share(results, "T3", 2000, "within500", 99)),
                new Target("T4", "public stream, 10,000 clients", "≥ 95% within 1 s; gateway RSS ≤ 1 GiB", Targets::tenThousand),
                new Target("T5", "2,000 idle stream clients", "gateway database ≤ 20 tx/s", Targets::idle),
                new Target("T6", "publish → frame, 1,000 clients", "p99 ≤ 100 ms", Targets::publishToFrame),
                new Target("T7", "commands through the gateway, read-your-writes", "≥ 0.05× pgbench write tps; p99 ≤ 200 ms",
                        Targets::commands),
                new Target("T8", "./suite rebuild on the generated history (≥ 200,000 events)", "≥ 3,000 events/s; digest = live",
                        Targets::rebuild),
                new Target("T9", "public reads on the generated history", "the T2 ratios hold",
                        results -> reads(results, "history.read", "T9")));
        List<Verdict> verdicts = new ArrayList<>();
        for (Target target : targets) {
            Verdict v = target.judge().apply(r);
            verdicts.add(new Verdict(target.id(), target.what(), target.goal(), v.measured(), v.met()));
        }
        return verdicts;
    }

    private static Verdict stalls(Results r) {
        double keptMax = r.value("t1.keepalive.max.ms");
        double newMax = r.value("t1.new.max.ms");
        double keptP999 = r.value("t1.keepalive.p999.ms");
        double newP999 = r.value("t1.new.p999.ms");
        if (anyNaN(keptMax, newMax, keptP999, newP999)) {
            return missing();
        }
        boolean met = keptMax <= 100 && newMax <= 100 && keptP999 <= 20 && newP999 <= 20;
        return verdict(met, "kept: max %.1f ms, p99.9 %.1f ms; new: max %.1f ms, p99.9 %.1f ms", keptMax, keptP999, newMax, newP999);
    }

    private static Verdict reads(Results r, String prefix, String id) {
        StringBuilder measured = new StringBuilder();
        boolean met = true;
        for (String read : T2_READS) {
            double rps = r.value(prefix + "." + read + ".rps");
            double ceiling = r.value(prefix + "." + read + ".live.rps");
            double p99 = r.value(prefix + "." + read + ".open50.p99.ms");
            if (anyNaN(rps, ceiling, p99)) {
                return missing();
            }
            double ratio = rps / ceiling;
            met &= ratio >= 0.25 && p99 <= 50;
            measured.append(String.format(Locale.ROOT, "%s %.2f× %.0f ms; ", read, ratio, p99));
        }
        return new Verdict(id, null, null, measured.toString().trim(), met);
    }

    private static Verdict share(Results r, String id, int clients, String figure, double atLeast) {
        double share = r.value("sse." + clients + "." + figure);
        if (Double.isNaN(share)) {
            return missing();
        }
        return verdict(share >= atLeast, "%.1f%% (p50 %.0f ms, p99 %.0f ms, missed %.0f)", share,
                r.value("sse." + clients + ".p50.ms"), r.value("sse." + clients + ".p99.ms"), r.value("sse." + clients + ".missed"));
    }

    private static Verdict tenThousand(Results r) {
        double share = r.value("sse.10000.within1000");
        double rss = Math.max(r.value("sse.10000.idle.rss.mib"), r.value("sse.10000.busy.rss.mib"));
        if (anyNaN(share, rss)) {
            return missing();
        }
        return verdict(share >= 95 && rss <= 1024, "%.1f%% within 1 s; RSS %.0f MiB", share, rss);
    }

    private static Verdict idle(Results r) {
        double tps = r.value("sse.2000.idle.db.tps");
        if (Double.isNaN(tps)) {
            return missing();
        }
        return verdict(tps <= 20, "%.1f tx/s (no clients: %.1f)", tps, r.value("sse.0.idle.db.tps"));
    }

    private static Verdict publishToFrame(Results r) {
        double p99 = r.value("sse.1000.p99.ms");
        if (Double.isNaN(p99)) {
            return missing();
        }
        return verdict(p99 <= 100, "p99 %.0f ms (p50 %.0f ms)", p99, r.value("sse.1000.p50.ms"));
    }

    private static Verdict commands(Results r) {
        double pg = r.value("pg.write.tps");
        if (Double.isNaN(pg)) {
            return missing();
        }
        StringBuilder measured = new StringBuilder();
        boolean met = true;
        for (String command : COMMANDS) {
            double ops = r.value("cmd." + command + ".ops");
            double p99 = r.value("cmd." + command + ".p99.ms");
            if (anyNaN(ops, p99)) {
                return missing();
            }
            met &= ops / pg >= 0.05 && p99 <= 200;
            measured.append(String.format(Locale.ROOT, "%s %.3f× %.0f ms", command, ops / pg, p99));
            double cpu = r.value("cmd." + command + ".cpu.ms");
            if (!Double.isNaN(cpu)) {
                // What the cores allow at that CPU time per command: how far the machine itself is from the goal.
                measured.append(String.format(Locale.ROOT, " (%.0f ms CPU each: ≤ %.3f× on these cores)", cpu,
                        r.value("cmd." + command + ".cpu.ceiling.ops") / pg));
            }
            measured.append("; ");
        }
        return new Verdict("T7", null, null, measured.toString().trim(), met);
    }

    private static Verdict rebuild(Results r) {
        double eps = r.value("rebuild.eps");
        double equal = r.value("rebuild.digest.equal");
        double events = r.value("rebuild.events");
        if (anyNaN(eps, equal, events)) {
            return missing();
        }
        return verdict(eps >= 3000 && equal == 1 && events >= 200_000, "%.0f events/s over %.0f events; digest %s", eps,
                events, equal == 1 ? "equal" : "DIFFERENT");
    }

    private static Verdict verdict(boolean met, String format, Object... values) {
        return new Verdict(null, null, null, String.format(Locale.ROOT, format, values), met);
    }

    private static Verdict missing() {
        return new Verdict(null, null, null, "not measured", null);
    }

    private static boolean anyNaN(double... values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
