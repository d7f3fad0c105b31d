package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.baseline.KafkaBaseline;
import cn.gov.partyaffairs.bench.baseline.PostgresBaseline;
import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.load.Operation;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What this machine can do at all, measured in the same run as the suite so every figure can be a ratio: the
 * database server, the broker, the framework's HTTP ceiling (the gateway's own JVM on its liveness check, and an
 * empty Quarkus REST app), and start-up time and memory of each service next to that empty app.
 */
public final class Baselines {

    private final Plan plan;
    private final SuiteAccess suite;
    private final LoadDriver driver;
    private final Results results;

    public Baselines(Plan plan, SuiteAccess suite, LoadDriver driver, Results results) {
        this.plan = plan;
        this.suite = suite;
        this.driver = driver;
        this.results = results;
    }

    public void database() {
        PostgresBaseline.Figures pg = PostgresBaseline.measure(suite, plan.baselineEach(), plan.rounds());
        results.add("pg.select.tps", "baseline", "PostgreSQL pgbench -S, 8 clients", pg.selectTps(), "tps");
        results.add("pg.write.tps", "baseline", "PostgreSQL 2-statement write transaction, 8 clients", pg.writeTps(), "tps");
        results.add("pg.write.unsynced.tps", "baseline",
                "the same write with synchronous_commit=off: what the server's processors allow for writes", pg.unsyncedWriteTps(), "tps");
        results.context("postgresql", pg.server());
    }

    public void broker(String classpath) {
        KafkaBaseline.Figures kafka = KafkaBaseline.measure(suite.kafkaBootstrap(), classpath, plan.kafkaRecords(),
                plan.kafkaRoundTrips());
        results.add("kafka.produce.rps", "baseline", "Kafka producer, acks=all, 100-byte records", kafka.recordsPerSecond(), "records/s");
        results.add("kafka.produce.p99.ms", "baseline", "Kafka producer p99 (send to ack)", kafka.producerP99Millis(), "ms");
        results.add("kafka.e2e.p50.ms", "baseline", "Kafka end-to-end latency p50 (produce → consume)", kafka.endToEndP50Millis(), "ms");
        results.add("kafka.e2e.p99.ms", "baseline", "Kafka end-to-end latency p99", kafka.endToEndP99Millis(), "ms");
    }

    /** The HTTP ceiling: the gateway JVM's liveness check, and the empty app's endpoint and liveness check. */
    public void ceiling(int baselineAppPort) {
        measureCeiling("http.gateway.live.rps", "gateway JVM: GET /q/health/live, 8 connections",
                LoadDriver.Target.keepAlive("localhost", suite.gatewayManagementPort()), "/q/health/live");
        measureCeiling("http.baseline.hello.rps", "empty Quarkus REST app: GET /hello, 8 connections",
                LoadDriver.Target.keepAlive("localhost", baselineAppPort), "/hello");
        measureCeiling("http.baseline.live.rps", "empty Quarkus REST app: GET /q/health/live, 8 connections",
                LoadDriver.Target.keepAlive("localhost", baselineAppPort), "/q/health/live");
    }

    /** The liveness check alone, as the ceiling of another gateway JVM (the history suite's). */
    public void liveness(String id) {
        measureCeiling(id, "history suite's gateway JVM: GET /q/health/live, 8 connections",
                LoadDriver.Target.keepAlive("localhost", suite.gatewayManagementPort()), "/q/health/live");
    }

    private void measureCeiling(String id, String name, LoadDriver.Target target, String path) {
        LoadDriver.Outcome outcome = driver.closed(id, target, Operation.get(path, null), Plan.CONNECTIONS,
                plan.ceilingWarmup(), plan.ceiling());
        results.add(id, "baseline", name, outcome.throughput(), "req/s");
        if (outcome.unsuccessful() > 0) {
            results.problem(name + ": " + outcome.unsuccessful() + " unsuccessful answers " + outcome.statuses());
        }
    }

    /**
     * Start-up to ready and resident memory, from what the launcher wrote when it (re)started each part with the
     * measured JVM settings ({@code $SUITE_RUN/startup.tsv}: part, pid, milliseconds to ready).
     */
    public void startup(List<String> parts) {
        Path file = suite.run().resolve("startup.tsv");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            results.problem("no start-up figures (" + file + "): start the suite with ./suite bench, not by hand");
            return;
        }
        for (String line : lines) {
            String[] cell = line.split("\t");
            if (cell.length < 3 || !parts.contains(cell[0])) {
                continue;
            }
            String part = cell[0];
            long pid = Long.parseLong(cell[1]);
            results.add("start." + part + ".s", "baseline", part + ": start-up to ready", Long.parseLong(cell[2]) / 1000.0,
                    "s", part.equals("baseline-app") ? null : "start.baseline-app.s");
            results.add("rss." + part + ".mib", "baseline", part + ": resident memory after start-up",
                    SuiteAccess.residentMiB(pid), "MiB", part.equals("baseline-app") ? null : "rss.baseline-app.mib");
        }
    }
}
