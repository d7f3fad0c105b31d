package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.Bench;
import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.baseline.PostgresBaseline;
import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.load.Operation;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.suite.CpuTime;
import cn.gov.partyaffairs.bench.suite.Quiet;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Commands through the gateway with read-your-writes (each answer comes once the gateway's read models show the
 * change): the county admin registers an organization; the demo clerk drafts a disclosure, then submits it; a
 * member of the public comments (from many addresses, as behind the county's ingress). Closed model, 8 connections.
 */
public final class Commands {

    private final Plan plan;
    private final SuiteAccess suite;
    private final LoadDriver driver;
    private final Results results;
    private final String run;
    private final LongAdder pending = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();

    /** @param run a short id of this benchmark run, so that its organizations' codes are new */
    public Commands(Plan plan, SuiteAccess suite, LoadDriver driver, Results results, String run) {
        this.plan = plan;
        this.suite = suite;
        this.driver = driver;
        this.results = results;
        this.run = run;
    }

    public void measure(String clerkOrganization, String publicDisclosure) {
        String admin = "Bearer " + suite.token("admin");
        String clerk = "Bearer " + suite.token("clerk");
        Map<String, Operation> commands = new LinkedHashMap<>();
        // A number of its own for every command of the run: the warm-up and the measured run count from 0 each.
        // Registrations last: each new organization gets its periods and a public compliance outcome from the cadence
        // engine within the next minute (four consumers each), and measured first they ran on into the next
        // command's window (the comment's CPU time per command moved by half between two idle runs).
        commands.put("comment", (client, ignored) -> comment(client, publicDisclosure, next.getAndIncrement()));
        commands.put("draft-submit", (client, ignored) -> draftAndSubmit(client, clerk, clerkOrganization, next.getAndIncrement()));
        commands.put("register", (client, ignored) -> register(client, admin, next.getAndIncrement()));
        LoadDriver.Target target = LoadDriver.Target.keepAlive("localhost", suite.gatewayPort());
        Map<String, Double> idle = idleCpu(plan.command());
        try (PostgresBaseline.Scratch pg = PostgresBaseline.Scratch.open(suite)) {
            for (var command : commands.entrySet()) {
                measure(command.getKey(), command.getValue(), target, idle, pg);
            }
        }
    }

    /**
     * One command, its baseline in turns with it: PostgreSQL's unsynced writes just before its warm-up and just after
     * its measurement, averaged. Measured once at the start of the run, the baseline was the same in two idle runs
     * (14,115 and 14,106 tps) while every process spent 30% more CPU time per registration in the second: the machine
     * had drifted in the half hour between (as the reads' ceilings do, which is why they are taken in turns too).
     */
    private void measure(String name, Operation command, LoadDriver.Target target, Map<String, Double> idle,
                         PostgresBaseline.Scratch pg) {
        String id = "cmd." + name;
        pending.reset();
        Quiet.await(suite, Bench.SUITE_PARTS, plan.quietLimit(), Bench::log);
        double baselineBefore = pg.unsyncedWrite(plan.baselineEach());
        driver.closed(id + " warm-up", target, command, Plan.CONNECTIONS, Duration.ZERO, plan.commandWarmup());
        Map<String, Long> cpuBefore = cpu();
        long start = System.nanoTime();
        LoadDriver.Outcome o = driver.closed(id, target, command, Plan.CONNECTIONS, Duration.ZERO, plan.command());
        Map<String, Long> cpuAfter = cpu();
        double seconds = (System.nanoTime() - start) / 1e9;
        double baselineAfter = pg.unsyncedWrite(plan.baselineEach());
        String baseline = id + ".pg.write.unsynced.tps";
        results.add(baseline, "commands", name + ": PostgreSQL's unsynced write, 8 clients, in turns with it (before and after)",
                (baselineBefore + baselineAfter) / 2, "tps");
        results.add(id + ".ops", "commands", name + " through the gateway, read-your-writes, 8 connections",
                o.throughput(), "ops/s", baseline);
        results.add(id + ".p50.ms", "commands", name + ": p50", o.percentileMillis(50), "ms");
        results.add(id + ".p99.ms", "commands", name + ": p99", o.percentileMillis(99), "ms");
        results.add(id + ".pending", "commands", name
                + ": answered before the read models showed it (Read-Model: pending; warm-up included)",
                pending.sum(), "ops");
        cpuPerCommand(id, name, cpuBefore, cpuAfter, idle, seconds, o.operations(), baseline);
        if (o.unsuccessful() > 0) {
            results.problem(name + ": " + o.unsuccessful() + " unsuccessful answers " + o.statuses());
        }
    }

    /**
     * The CPU time each process of the suite spent per command while the commands ran, less what it spends idle: with
     * it the table shows what this machine's cores allow at most, whatever the suite waits on. PostgreSQL counts every backend of the server
     * (the history suite's databases are on it; on an idle machine nothing else is).
     */
    private Map<String, Long> cpu() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String part : CPU_PARTS) {
            ticks.put(part, CpuTime.ticks(suite.pid(part)));
        }
        ticks.put("postgres", CpuTime.ticks(CpuTime.named("postgres")));
        return ticks;
    }

    /**
     * What each process spends with no command at all (the cadence engine's and the overdue detectors' scans, the
     * relays' polls, the broker), in ticks per second over a window as long as a measurement: subtracted, so that a
     * command's CPU time is its own.
     */
    private Map<String, Double> idleCpu(Duration window) {
        Map<String, Long> before = cpu();
        long start = System.nanoTime();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Long> after = cpu();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> perSecond = new LinkedHashMap<>();
        double total = 0;
        for (String part : after.keySet()) {
            double ticks = (after.get(part) - before.get(part)) / seconds;
            perSecond.put(part, ticks);
            total += ticks;
        }
        results.add("cmd.idle.cpu.ms", "commands", "CPU time of the whole suite per second with no command (subtracted below)",
                total * 1000.0 / CpuTime.TICKS_PER_SECOND, "ms/s");
        return perSecond;
    }

    private static final List<String> CPU_PARTS = List.of("gateway", "disclosure-service", "commitment-service",
            "supervision-service", "kafka");

    private void cpuPerCommand(String id, String command, Map<String, Long> before, Map<String, Long> after,
                               Map<String, Double> idle, double seconds, long operations, String baseline) {
        if (operations == 0) {
            return;
        }
        double total = 0;
        for (String part : after.keySet()) {
            double ticks = Math.max(0, after.get(part) - before.get(part) - idle.get(part) * seconds);
            double ms = ticks * 1000.0 / CpuTime.TICKS_PER_SECOND / operations;
            total += ms;
            results.add(id + ".cpu." + part + ".ms", "commands", command + ": CPU time of " + part + " per command", ms, "ms");
        }
        results.add(id + ".cpu.ms", "commands", command + ": CPU time of the whole suite per command", total, "ms");
        int cores = Runtime.getRuntime().availableProcessors();
        results.add(id + ".cpu.ceiling.ops", "commands", command + ": what " + cores
                + " cores allow at most at that CPU time per command", cores * 1000.0 / total, "ops/s", baseline);
    }

    private Future<Integer> register(io.vertx.core.http.HttpClient client, String admin, long seq) {
        return Operation.send(client, HttpMethod.POST, "/api/v1/internal/organizations", json(admin),
                new JsonObject().put("code", "BENCH-" + run + "-R" + seq).put("name", "基准测试党支部" + seq)
                        .put("type", "village-branch").toBuffer()).map(this::status);
    }

    private Future<Integer> draftAndSubmit(io.vertx.core.http.HttpClient client, String clerk, String organization,
                                           long seq) {
        return draft(client, clerk, organization, seq).compose(drafted -> {
            if (drafted.status() != 201) {
                return Future.succeededFuture(drafted.status());
            }
            String id = drafted.body().toJsonObject().getString("id");
            return Operation.send(client, HttpMethod.POST, "/api/v1/internal/disclosures/" + id + "/submit", json(clerk),
                    new JsonObject().put("attestNoSecrets", true).toBuffer()).map(this::status);
        });
    }

    /** From many addresses, as the county's ingress would name them: one address may comment only so often. */
    private Future<Integer> comment(io.vertx.core.http.HttpClient client, String disclosure, long seq) {
        return Operation.send(client, HttpMethod.POST, "/api/v1/public/disclosures/" + disclosure + "/comments",
                json(null).add("X-Forwarded-For", "10." + (seq >> 16 & 255) + "." + (seq >> 8 & 255) + "." + (seq & 255)),
                new JsonObject().put("authorName", "基准测试").put("body", "基准测试评论 " + run + " " + seq).toBuffer())
                .map(this::status);
    }

    private Future<Operation.HttpAnswer> draft(io.vertx.core.http.HttpClient client, String clerk, String organization,
                                               long seq) {
        LocalDate month = LocalDate.now(ZoneOffset.ofHours(8)).withDayOfMonth(1);
        JsonObject body = new JsonObject().put("organizationCode", organization)
                .put("itemCodes", new io.vertx.core.json.JsonArray().add("C8-01"))
                .put("title", "基准测试公开事项 " + run + " " + seq).put("body", "基准测试：本期公开内容。")
                .put("periodStart", month.toString()).put("periodEnd", month.plusMonths(2).minusDays(1).toString())
                .put("scope", "PUBLIC").put("plannedChannels", new io.vertx.core.json.JsonArray().add("disclosure-board"))
                .put("plannedPublicationAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString());
        return Operation.send(client, HttpMethod.POST, "/api/v1/internal/disclosures", json(clerk), body.toBuffer());
    }

    /** The status, counting the answers the gateway gave before its read models showed the change. */
    private int status(Operation.HttpAnswer answer) {
        if ("pending".equals(answer.response().getHeader("Read-Model"))) {
            pending.increment();
        }
        return answer.status();
    }

    private static MultiMap json(String authorization) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return headers;
    }

}
