package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.Bench;
import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.load.Operation;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.suite.Quiet;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public's reads through the gateway, on keep-alive connections: what each takes at most (closed model, 8
 * connections) and how long it answers at half and nine tenths of that (open model, latency from when each request
 * was due). Also the stall check: the liveness check on kept and on new connections for a minute.
 */
public final class PublicReads {

    private final Plan plan;
    private final SuiteAccess suite;
    private final LoadDriver driver;
    private final Results results;

    public PublicReads(Plan plan, SuiteAccess suite, LoadDriver driver, Results results) {
        this.plan = plan;
        this.suite = suite;
        this.driver = driver;
        this.results = results;
    }

    /** Every request at 8 connections for a minute; one slow answer in thousands shows here. */
    public void stalls() {
        // The liveness check answers on the management interface only (the public door has no /q/).
        LoadDriver.Target kept = LoadDriver.Target.keepAlive("localhost", suite.gatewayManagementPort());
        for (LoadDriver.Target target : new LoadDriver.Target[]{kept, kept.newConnections()}) {
            String kind = target.keepAlive() ? "keepalive" : "new";
            String label = target.keepAlive() ? "kept connections" : "a new connection per request";
            LoadDriver.Outcome o = driver.closed("stall " + kind, target, Operation.get("/q/health/live", null),
                    Plan.CONNECTIONS, plan.warmup(), plan.stall());
            results.add("t1." + kind + ".rps", "stalls", "/q/health/live on " + label + ", 8 connections", o.throughput(), "req/s");
            results.add("t1." + kind + ".p999.ms", "stalls", "/q/health/live on " + label + ": p99.9", o.percentileMillis(99.9), "ms");
            results.add("t1." + kind + ".max.ms", "stalls", "/q/health/live on " + label + ": slowest", o.maxMillis(), "ms");
            results.add("t1." + kind + ".over100", "stalls", "/q/health/live on " + label + ": answers slower than 100 ms",
                    o.countSlowerThanMillis(100), "requests");
            if (o.unsuccessful() > 0) {
                results.problem("stall check on " + label + ": " + o.unsuccessful() + " unsuccessful " + o.statuses());
            }
        }
    }

    /** The reads the issue names, as a visitor's browser makes them. */
    public Map<String, String> reads() {
        JsonNode latest = suite.getJson("/api/v1/public/disclosures?size=1", null).get("items");
        if (latest == null || latest.isEmpty()) {
            throw new IllegalStateException("no public disclosure to read: load the demo data (./suite up) first");
        }
        String disclosure = latest.get(0).get("id").asText();
        JsonNode organization = latest.get(0).get("organizationCode");
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("disclosures", "/api/v1/public/disclosures?size=20");
        reads.put("organization", "/api/v1/public/organizations/" + organization.asText());
        reads.put("statistics", "/api/v1/public/statistics");
        reads.put("commitments", "/api/v1/public/commitments?size=20");
        reads.put("search-word", "/api/v1/public/disclosures?size=20&q=" + encode("资金"));
        reads.put("search-two-words", "/api/v1/public/disclosures?size=20&q=" + encode("资金 发放"));
        reads.put("disclosure-page", "/disclosure.html?id=" + disclosure);
        return reads;
    }

    /**
     * Each read's throughput is a ratio to the same JVM's liveness check, measured in turns with it once the suite is
     * quiet: liveness, read, liveness, read ... ({@link Plan#rounds()} of each), both summed over the turns. A
     * ceiling measured minutes earlier, while the JIT or a consumer was still busy, moved every ratio by several times
     * between two runs; one measured just before the read still drifted by up to 40% between two idle runs, as the
     * machine's own state moved during the read.
     *
     * @param prefix figure ids start with it ({@code read} on the demo data, {@code history.read} on the history)
     */
    public void measure(String prefix, String group, Map<String, String> reads) {
        LoadDriver.Target target = LoadDriver.Target.keepAlive("localhost", suite.gatewayPort());
        LoadDriver.Target liveness = LoadDriver.Target.keepAlive("localhost", suite.gatewayManagementPort());
        // Every path compiled before any is measured, the liveness check too: a JVM with the production flags on one
        // processor runs a path several times slower until the JIT has reached it.
        if (!plan.readWarmup().isZero()) {
            driver.closed(prefix + " warm-up", liveness, Operation.get("/q/health/live", null), Plan.CONNECTIONS,
                    Duration.ZERO, plan.readWarmup());
            for (var read : reads.entrySet()) {
                driver.closed(prefix + "." + read.getKey() + " warm-up", target, Operation.get(read.getValue(), null),
                        Plan.CONNECTIONS, Duration.ZERO, plan.readWarmup());
            }
        }
        int rounds = plan.rounds();
        for (var read : reads.entrySet()) {
            String id = prefix + "." + read.getKey();
            Quiet.await(suite, Bench.SUITE_PARTS, plan.quietLimit(), Bench::log);
            Operation get = Operation.get(read.getValue(), null);
            LoadDriver.Outcome ceiling = null;
            LoadDriver.Outcome closed = null;
            for (int round = 1; round <= rounds; round++) {
                // The connections and the JIT are warm after the first turn: a second's warm-up is enough then.
                Duration warmup = round == 1 ? plan.warmup() : min(plan.warmup(), Duration.ofSeconds(1));
                ceiling = LoadDriver.Outcome.sum(ceiling, driver.closed(id + " ceiling " + round + "/" + rounds, liveness,
                        Operation.get("/q/health/live", null), Plan.CONNECTIONS, warmup,
                        plan.ceiling().dividedBy(rounds)));
                closed = LoadDriver.Outcome.sum(closed, driver.closed(id + " " + round + "/" + rounds, target, get,
                        Plan.CONNECTIONS, warmup, plan.closedRead().dividedBy(rounds)));
            }
            results.add(id + ".live.rps", group, read.getKey() + ": the same JVM's /q/health/live in turns with it, 8 connections",
                    ceiling.throughput(), "req/s");
            results.add(id + ".rps", group, read.getKey() + " " + read.getValue() + ": throughput, 8 connections",
                    closed.throughput(), "req/s", id + ".live.rps");
            results.add(id + ".closed.p99.ms", group, read.getKey() + ": p99 at full load (closed model)",
                    closed.percentileMillis(99), "ms");
            long bad = closed.unsuccessful();
            for (int share : plan.openShares()) {
                double rate = Math.max(1, closed.throughput() * share / 100.0);
                LoadDriver.Outcome open = driver.open(id + " at " + share + "%", target, get, rate, Plan.OPEN_CONNECTIONS,
                        plan.warmup(), plan.openRead());
                String at = read.getKey() + " at " + share + "% of its throughput (" + Math.round(rate) + " req/s, open model)";
                results.add(id + ".open" + share + ".p50.ms", group, at + ": p50", open.percentileMillis(50), "ms");
                results.add(id + ".open" + share + ".p99.ms", group, at + ": p99", open.percentileMillis(99), "ms");
                results.add(id + ".open" + share + ".p999.ms", group, at + ": p99.9", open.percentileMillis(99.9), "ms");
                bad += open.unsuccessful();
            }
            if (bad > 0) {
                results.problem(read.getKey() + " (" + read.getValue() + "): " + bad + " unsuccessful answers " + closed.statuses());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
