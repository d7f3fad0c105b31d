package cn.gov.partyaffairs.bench;

import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.report.Report;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.report.Targets;
import cn.gov.partyaffairs.bench.scenario.Baselines;
import cn.gov.partyaffairs.bench.scenario.Commands;
import cn.gov.partyaffairs.bench.scenario.History;
import cn.gov.partyaffairs.bench.scenario.HistorySuite;
import cn.gov.partyaffairs.bench.scenario.PublicReads;
import cn.gov.partyaffairs.bench.scenario.Streams;
import cn.gov.partyaffairs.bench.suite.Quiet;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./suite bench [--quick] [--fresh-history]}: every figure of the suite against this machine's own limits, in
 * one run, from outside the services. The launcher has (re)started the suite under test with the JVM settings of the
 * Kubernetes manifests and started the empty baseline app; this measures, prints one table and writes
 * {@code bench/results/<UTC time>.json} and {@code .md} (the quick run writes under the suite's run folder, and exits
 * non-zero when a figure is missing or makes no sense — never because of a time).
 */
public final class Bench {

    static final List<String> PARTS = List.of("disclosure-service", "commitment-service", "supervision-service", "gateway",
            "baseline-app");

    /** The processes whose own work would show in a measurement: the services, the gateway and the broker. */
    public static final List<String> SUITE_PARTS = List.of("disclosure-service", "commitment-service",
            "supervision-service", "gateway", "kafka");

    private final Plan plan;
    private final SuiteAccess suite;
    private final Results results = new Results();
    private final String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    private final String run = stamp.substring(2, 8) + stamp.substring(9, 15);

    /** Scenarios to run ({@code --only=streams,rebuild}), or empty for all: for working on one of them. */
    private final List<String> only;

    private Bench(Plan plan, SuiteAccess suite, List<String> only) {
        this.plan = plan;
        this.suite = suite;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Plan plan = options.contains("--quick") ? Plan.quick() : Plan.full();
        List<String> only = options.stream().filter(o -> o.startsWith("--only=")).findFirst()
                .map(o -> List.of(o.substring("--only=".length()).split(","))).orElse(List.of());
        Bench bench = new Bench(plan, SuiteAccess.fromEnvironment(), only);
        boolean complete = bench.measure(options.contains("--fresh-history"));
        System.exit(complete || plan.isFull() || !only.isEmpty() ? 0 : 1);
    }

    private boolean measure(boolean freshHistory) throws IOException {
        describe();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        LoadDriver driver = new LoadDriver(vertx);
        Baselines baselines = new Baselines(plan, suite, driver, results);
        PublicReads reads = new PublicReads(plan, suite, driver, results);
        // The quick run checks that every figure is there, not what it is: its history suite starts while the
        // baselines run. The full run starts it after them, so that nothing else runs beside a measurement.
        CompletableFuture<HistorySuite> early = plan.isFull() ? null
                : CompletableFuture.supplyAsync(() -> startHistorySuite(freshHistory));
        step("start-up and memory", () -> baselines.startup(PARTS));
        // Quiet first: the services were just restarted (three times each) and compile and catch up for a while.
        step("PostgreSQL baseline", () -> {
            quiet(suite);
            baselines.database();
        });
        step("Kafka baseline", () -> {
            quiet(suite);
            baselines.broker(System.getProperty("java.class.path"));
        });
        step("HTTP ceiling", () -> {
            quiet(suite);
            baselines.ceiling(suite.port("BASELINE_PORT", 8099));
        });
        step("stalls", () -> {
            quiet(suite);
            reads.stalls();
        });
        step("public reads", () -> reads.measure("read", "public reads", reads.reads()));
        step("history", () -> history(vertx, driver, early != null ? early.join() : startHistorySuite(freshHistory)));
        vertx.close();

        Report report = new Report(results);
        System.out.println(report.table());
        Path directory = plan.isFull() ? suite.root().resolve("bench/results") : suite.run().resolve("bench/results");
        report.write(directory, stamp);
        log("written: " + directory.resolve(stamp + ".md") + " and .json");
        return complete(report);
    }

    private HistorySuite startHistorySuite(boolean fresh) {
        log("starting the history suite (its own broker and databases) …");
        try {
            return HistorySuite.start(suite, plan.isFull() ? "bench" : "benchq", fresh || !plan.isFull(), plan.isFull());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The history suite: the generated history, then what it costs, then the writes of the benchmark itself. */
    private void history(Vertx vertx, LoadDriver driver, HistorySuite started) throws Exception {
        try (HistorySuite historySuite = started) {
            SuiteAccess h = historySuite.suite();
            History history = new History(plan, h, results, Bench::log);
            // Full: five years (the first four whole, this one so far), as before; quick: the last three months.
            if (!step("history load", () -> history.load(plan.isFull(), plan.isFull() ? 48 + LocalDate.now(ZoneOffset.ofHours(8)).getMonthValue() - 1 : 3))) {
                log("no history, so no figure on it: the next run generates it again");
                return;
            }
            if (plan.isFull() && !historySuite.hasSnapshot()) {
                step("history snapshot", () -> {
                    quiet(h); // the services and the broker done with the history, not halfway through a relay
                    historySuite.snapshot();
                });
            }
            // Quick: the fresh replica starts now and catches up while the other scenarios run (see startHistorySuite).
            History.Replica early = plan.isFull() || !selected("fresh replica") ? null : history.startReplica();
            Baselines hBaselines = new Baselines(plan, h, driver, results);
            PublicReads hReads = new PublicReads(plan, h, driver, results);
            step("history HTTP ceiling", () -> {
                quiet(h);
                hBaselines.liveness("history.http.gateway.live.rps");
            });
            step("reads on the history", () -> hReads.measure("history.read", "public reads on the history", hReads.reads()));
            // Streams before commands: the organizations the commands register (some 3,000 in a full run) each get a
            // public compliance outcome from the cadence engine over the next minutes, and measured after them the
            // streams timed those 3,000 frames per client instead of the one event a second (run 20261207T120950Z).
            step("streams", () -> {
                quiet(h);
                new Streams(plan, h, vertx, results, run).measure(h.database("gateway"), h.pid("gateway"));
            });
            step("commands", () -> {
                quiet(h);
                new Commands(plan, h, driver, results, run).measure("YP-V001",
                        h.getJson("/api/v1/public/disclosures?size=1", null).get("items").get(0).get("id").asText());
            });
            step("rebuild", () -> {
                // The cadence engine takes the organizations just registered on its next round: within a minute, the
                // disclosure service's disclosure.cadence.check-interval (1m) that the history suite runs with.
                if (plan.isFull()) {
                    Thread.sleep(Duration.ofSeconds(65).toMillis());
                }
                quiet(h);
                history.rebuild();
            });
            step("fresh replica", () -> history.freshReplica(early != null ? early : history.startReplica()));
        }
    }

    private void quiet(SuiteAccess of) {
        Quiet.await(of, SUITE_PARTS, plan.quietLimit(), Bench::log);
    }

    private void describe() {
        results.context("run", stamp);
        results.context("plan", plan.name());
        results.context("machine", cores() + " cores, " + memoryGiB() + " GiB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version"));
        results.context("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        results.context("quarkus", suite.env("SUITE_QUARKUS_VERSION", "?"));
        results.context("kafka", suite.env("SUITE_KAFKA_VERSION", "?"));
        results.context("commit", suite.env("SUITE_GIT_COMMIT", "?"));
        Map<String, String> jvm = new LinkedHashMap<>();
        for (String part : PARTS) {
            try {
                jvm.put(part, Files.readString(suite.run().resolve("jvm/" + part + ".flags")).strip());
            } catch (IOException e) {
                jvm.put(part, "unknown (not started by ./suite bench)");
            }
        }
        results.context("jvm", jvm);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private boolean selected(String step) {
        return only.isEmpty() || step.equals("history load") || step.equals("history snapshot") || step.equals("history") || only.stream().anyMatch(step::startsWith);
    }

    /** @return whether the step ran to its end (a step not selected counts as done) */
    private boolean step(String name, Step step) {
        if (!selected(name)) {
            return true;
        }
        long start = System.nanoTime();
        log(name + " …");
        boolean done = true;
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            results.problem(name + ": " + e);
            e.printStackTrace();
            done = false;
        }
        log(name + ": " + Math.round((System.nanoTime() - start) / 1e9) + " s");
        return done;
    }

    /** Every figure the plan measures is there and makes sense; what a quick run checks (never a time). */
    private boolean complete(Report report) {
        List<String> wrong = new ArrayList<>(results.problems());
        results.figures().stream().filter(f -> !f.sane()).forEach(f -> wrong.add(f.id() + " = " + f.value()));
        List<String> required = new ArrayList<>(List.of("pg.select.tps", "pg.write.tps", "pg.write.unsynced.tps", "kafka.produce.rps",
                "kafka.e2e.p99.ms", "http.gateway.live.rps", "http.baseline.hello.rps", "t1.keepalive.max.ms",
                "t1.new.max.ms", "history.events", "rebuild.eps", "catchup.eps", "history.http.gateway.live.rps"));
        for (String part : PARTS) {
            required.add("start." + part + ".s");
            required.add("rss." + part + ".mib");
        }
        for (String read : new String[]{"disclosures", "organization", "statistics", "commitments", "search-word",
                "search-two-words", "disclosure-page"}) {
            required.add("read." + read + ".rps");
            required.add("read." + read + ".open50.p99.ms");
            required.add("history.read." + read + ".rps");
        }
        for (String command : new String[]{"register", "draft-submit", "comment"}) {
            required.add("cmd." + command + ".ops");
            required.add("cmd." + command + ".p99.ms");
        }
        for (int clients : plan.streamClients()) {
            required.add("sse." + clients + ".within500");
            required.add("sse." + clients + ".p99.ms");
            required.add("sse." + clients + ".idle.db.tps");
        }
        required.stream().filter(id -> results.get(id).isEmpty()).forEach(id -> wrong.add("missing: " + id));
        results.figures().stream().filter(f -> f.unit().endsWith("/s") && f.value() <= 0 && !f.id().contains("db.tps"))
                .forEach(f -> wrong.add("no throughput: " + f.id()));
        if (results.value("rebuild.digest.equal") != 1) {
            wrong.add("the rebuilt read models differ from the live ones");
        }
        for (Targets.Verdict v : report.verdicts()) {
            log(v.mark() + " " + v.id() + " " + v.measured());
        }
        if (!wrong.isEmpty()) {
            log("INCOMPLETE: " + String.join("; ", wrong));
        }
        return wrong.isEmpty();
    }

    private static long cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static long memoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return -1;
    }

    public static void log(String text) {
        System.out.printf("%s bench: %s%n", java.time.LocalTime.now().withNano(0), text);
    }
}
