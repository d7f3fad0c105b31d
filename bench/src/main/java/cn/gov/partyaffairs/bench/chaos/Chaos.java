package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.scenario.History;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import cn.gov.partyaffairs.bench.suite.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./suite chaos [--short] [--rate=N]}: the project's own kill -9 campaign (issue 17) against a started suite.
 * An open-model load of mixed commands through the gateway with real tokens ({@link Mix}) runs while a schedule of
 * faults ({@link ChaosPlan}, {@link Faults}) kills the broker, each service and the gateway, restarts PostgreSQL
 * (only when the suite started it itself) and stalls a service, each brought back with {@code ./suite part}. Then,
 * once everything has settled, every acknowledged command is looked for where it must be ({@link Checks}), the
 * gateway's read models are rebuilt from the topics and compared with the live ones, and one table is printed and
 * written: commands sent and acknowledged, lost, duplicated, gaps, and per fault the time from the fault to the part
 * being ready and from ready to every read model holding every command acknowledged until then.
 *
 * <p>Exits non-zero on any loss, duplicate, gap, rebuild difference or a part that did not come back; the full
 * campaign also when a read model took longer than {@link ChaosPlan#catchUpLimit()} after its part was ready.
 */
public final class Chaos {

    private static final long START = System.nanoTime();

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        SuiteAccess suite = SuiteAccess.fromEnvironment();
        boolean ownDatabase = Files.exists(suite.run().resolve("postgres.ours"));
        ChaosPlan plan = options.contains("--short") ? ChaosPlan.short_() : ChaosPlan.full(ownDatabase);
        for (String option : options) {
            if (option.startsWith("--rate=")) {
                plan = plan.withRate(Double.parseDouble(option.substring("--rate=".length())));
            }
        }
        System.exit(new Chaos().campaign(plan, suite, ownDatabase) ? 0 : 1);
    }

    private boolean campaign(ChaosPlan plan, SuiteAccess suite, boolean ownDatabase) throws Exception {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String run = stamp.substring(2, 8) + stamp.substring(9, 15);
        log("chaos (" + plan.name() + "): " + plan.rate() + " commands/s through http://localhost:" + suite.gatewayPort()
                + " while " + plan.faults().size() + " faults run: "
                + String.join(", ", plan.faults().stream().map(ChaosPlan.Fault::label).toList())
                + (ownDatabase ? "" : " (no database restart: PostgreSQL at " + suite.env("PGHOST", "127.0.0.1") + ":"
                + suite.env("PGPORT", "5432") + " was not started by this suite)"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Ledger ledger = new Ledger();
        AtomicBoolean settled = new AtomicBoolean();
        try (Tokens tokens = new Tokens(suite, List.of("admin", "approver", "clerk", "head", "inspector"))) {
            Map<String, HttpClient> services = new LinkedHashMap<>();
            for (String service : List.of(Mix.DISCLOSURE, Mix.COMMITMENT, Mix.SUPERVISION)) {
                services.put(service, client(vertx, suite.serviceUrl(service)));
            }
            Mix mix = new Mix(ledger, tokens, services, run);
            HttpClient setup = client(vertx, "http://localhost:" + suite.gatewayPort());
            mix.prepare(setup, 8);
            Thread confirmer = confirmer(new ReadModels(suite), ledger, settled);

            long loadStart = System.nanoTime();
            AtomicBoolean done = new AtomicBoolean();
            CompletableFuture<List<Faults.Healed>> schedule = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Faults(suite, ledger, loadStart).run(plan);
                } finally {
                    Faults.sleep(plan.tail());
                    done.set(true);
                }
            });
            LoadDriver.Outcome load = new LoadDriver(vertx).openUntil("chaos",
                    LoadDriver.Target.keepAlive("localhost", suite.gatewayPort()), mix, plan.rate(), 64, done::get);
            List<Faults.Healed> healed = schedule.join();
            log("load stopped: " + ledger.sentCount() + " commands sent, " + ledger.acks().size()
                    + " acknowledged; waiting for everything to settle");
            settle(suite, ledger);
            settled.set(true);
            confirmer.join();

            Checks.Outcome checks = new Checks(suite).check(ledger.acks(), mix.commitments(), mix.codePrefix());
            checks.findings().forEach(finding -> log(finding));
            Results rebuilt = new Results();
            new History(Plan.quick(), suite, rebuilt, Chaos::log).rebuild();
            boolean digestEqual = rebuilt.value("rebuild.digest.equal") == 1;
            rebuilt.problems().forEach(Chaos::log);

            ChaosReport report = new ChaosReport(plan, stamp, suite.env("SUITE_GIT_COMMIT", "unknown"), ledger, load,
                    healed, checks, digestEqual, ownDatabase);
            String table = report.markdown();
            System.out.println();
            System.out.println(table);
            Path directory = "full".equals(plan.name()) ? suite.root().resolve("bench/results/chaos")
                    : suite.run().resolve("chaos");
            Files.createDirectories(directory);
            Path file = directory.resolve(stamp + ".md");
            Files.writeString(file, table);
            log("written: " + file);
            report.verdicts().forEach(Chaos::log);
            return report.passed();
        } finally {
            settled.set(true);
            vertx.close();
        }
    }

    /**
     * Looks for the acknowledged commands in every read model, all the time the campaign runs, and notes when each
     * was first seen everywhere: the faults' catch-up times come from these moments.
     */
    private static Thread confirmer(ReadModels readModels, Ledger ledger, AtomicBoolean stop) {
        Thread thread = new Thread(() -> {
            boolean last = false;
            while (!last) {
                last = stop.get();
                List<Ledger.Ack> open = ledger.unconfirmed();
                if (!open.isEmpty()) {
                    try {
                        var held = readModels.held(open);
                        ledger.confirmed(held, System.nanoTime());
                    } catch (SQLException e) {
                        // A database restarting: looked for again in a moment.
                    }
                }
                if (!last) {
                    Faults.sleep(Duration.ofMillis(200));
                }
            }
        }, "chaos-confirmer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Until every acknowledged command is in every read model, every outbox is sent and the gateway has read every
     * topic to its end (at most 3 minutes: what is still missing then is lost, and the checks say where).
     */
    private static void settle(SuiteAccess suite, Ledger ledger) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Topics topics = new Topics(suite.kafkaBootstrap())) {
            while (System.nanoTime() < deadline) {
                try {
                    if (ledger.unconfirmed().isEmpty() && unsent(suite) == 0 && topics.lag("gateway") == 0) {
                        return;
                    }
                } catch (RuntimeException | SQLException e) {
                    // not there yet
                }
                Faults.sleep(Duration.ofMillis(500));
            }
        }
        log("not settled after 3 minutes: " + ledger.unconfirmed().size() + " acknowledged commands missing somewhere");
    }

    private static long unsent(SuiteAccess suite) throws SQLException {
        long unsent = 0;
        for (String service : List.of(Mix.DISCLOSURE, Mix.COMMITMENT, Mix.SUPERVISION)) {
            try (Connection c = suite.connect(suite.database(service)); var statement = c.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")) {
                rows.next();
                unsent += rows.getLong(1);
            }
        }
        return unsent;
    }

    private static HttpClient client(Vertx vertx, String url) {
        java.net.URI uri = java.net.URI.create(url);
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true).setConnectTimeout(5_000).setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(16)
                .setMaxWaitQueueSize(-1));
    }

    static void log(String line) {
        System.out.printf("%7.1f s  %s%n", (System.nanoTime() - START) / 1e9, line);
        System.out.flush();
    }
}
