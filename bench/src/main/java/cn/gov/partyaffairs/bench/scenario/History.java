package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.history.HistoryGenerator;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.suite.ManifestJvm;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import cn.gov.partyaffairs.bench.suite.Topics;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The county's history at scale: generated and loaded through the services, then what it costs the gateway —
 * rebuilding every read model from the topics ({@code ./suite rebuild}), a fresh gateway replica catching up from
 * the topics, and (in the caller) the public reads again on that volume.
 */
public final class History {

    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private final Plan plan;
    private final SuiteAccess suite;
    private final Results results;
    private final Consumer<String> log;

    public History(Plan plan, SuiteAccess suite, Results results, Consumer<String> log) {
        this.plan = plan;
        this.suite = suite;
        this.results = results;
        this.log = log;
    }

    public void load(boolean countyExtras, int months) throws Exception {
        try (Topics topics = new Topics(suite.kafkaBootstrap())) {
            TokenCache admin = new TokenCache(suite, "admin");
            HistoryGenerator generator = new HistoryGenerator(suite.serviceUrl("disclosure-service"),
                    suite.serviceUrl("commitment-service"), suite.serviceUrl("supervision-service"), admin::get,
                    topics::events, () -> awaitRead(topics, "supervision-service", "disclosure.events"), 12);
            HistoryGenerator.Loaded loaded = generator.load(new HistoryGenerator.Options(months, plan.historyEvents(),
                    countyExtras, 2017), log);
            results.add("history.events", "history", "events in the generated history (on the topics)", loaded.events(), "events");
            if (!loaded.alreadyThere()) {
                results.add("history.load.eps", "history", "history loaded through the services", loaded.events() / loaded.seconds(),
                        "events/s");
                Files.writeString(HistorySuite.completeMarker(suite), loaded.events() + " events\n");
            }
            awaitCaughtUp(topics, "gateway");
        }
    }

    /**
     * Until the gateway has applied every event the topics hold: its read models count them, or its consumer group
     * has committed past them (the group commits every few seconds, so the count usually says so first).
     */
    public void awaitCaughtUp(Topics topics, String group) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (applied(suite.database("gateway")) < topics.events() && topics.lag(group) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway is still " + topics.lag(group) + " events behind after " + CATCH_UP);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** Until the group has read every event of the topic so far. */
    private void awaitRead(Topics topics, String group, String topic) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long behind;
        while ((behind = topics.lag(group, List.of(topic))) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(group + " is still " + behind + " events of " + topic + " behind after " + CATCH_UP);
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * {@code ./suite rebuild}: every read model from the topics in one transaction; the digest must equal the live one.
     * The comparison holds only if no event arrived between the live digest and the rebuilt one (the cadence engine
     * records outcomes on its own schedule: in one run 24 arrived during the rebuild and the digests differed by
     * them), so a rebuild during which the topics grew is done again, up to three times.
     */
    public void rebuild() {
        for (int attempt = 1; ; attempt++) {
            try (Topics topics = new Topics(suite.kafkaBootstrap())) {
                awaitCaughtUp(topics, "gateway");
                long before = topics.events();
                String admin = suite.token("admin");
                JsonNode live = suite.getJson("/api/v1/internal/admin/read-model/digest", admin);
                long start = System.nanoTime();
                HttpResponse<String> answer = suite.send("POST", "http://localhost:" + suite.gatewayPort()
                        + "/api/v1/internal/admin/rebuild", admin, null);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (answer.statusCode() != 200) {
                    results.problem("rebuild failed: " + answer.statusCode() + " " + answer.body());
                    return;
                }
                awaitCaughtUp(topics, "gateway");
                JsonNode rebuilt = suite.getJson("/api/v1/internal/admin/read-model/digest", suite.token("admin"));
                long arrived = topics.events() - before;
                if (!live.equals(rebuilt) && arrived > 0 && attempt < 3) {
                    log.accept("rebuild: " + arrived + " events arrived meanwhile, so the digests cannot be compared; again");
                    continue;
                }
                record(answer.body(), seconds, live, rebuilt, arrived);
                return;
            }
        }
    }

    private void record(String answer, double seconds, JsonNode live, JsonNode rebuilt, long arrived) {
        long events;
        try {
            JsonNode result = SuiteAccess.JSON.readTree(answer);
            events = result.path("skipped").asLong();
            for (JsonNode applied : result.path("applied")) {
                events += applied.asLong();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        results.add("rebuild.events", "history", "events replayed by ./suite rebuild", events, "events");
        results.add("rebuild.eps", "history", "./suite rebuild", events / seconds, "events/s");
        results.add("rebuild.digest.equal", "history", "rebuilt read models equal the live ones (1 = yes)",
                live.equals(rebuilt) ? 1 : 0, "");
        if (!live.equals(rebuilt)) {
            results.problem("rebuilt digest differs from the live one" + (arrived > 0 ? " (" + arrived
                    + " events arrived during the rebuild each time)" : "") + ": live " + live + ", rebuilt " + rebuilt);
        }
    }

    /** A fresh gateway replica, started: its process, where it answers, and when it was launched. */
    public final class Replica implements AutoCloseable {
        private final Process process;
        private final String database;
        private final SuiteAccess access;
        private final long launched;

        private Replica(Process process, String database, SuiteAccess access, long launched) {
            this.process = process;
            this.database = database;
            this.access = access;
            this.launched = launched;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            dropDatabase(database);
        }
    }

    /**
     * Launches a new gateway replica with an empty database and its own consumer group, reading all topics from the
     * start. The quick run launches it early, so that its start-up overlaps the other scenarios.
     */
    public Replica startReplica() throws IOException {
        String database = suite.database("gateway") + "_replica";
        dropDatabase(database);
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The history suite's own settings: the manifests' in the full run, the launcher's quick start otherwise.
        command.addAll("production".equals(suite.env("SUITE_JVM", "")) ? ManifestJvm.flags(suite.root().resolve("deploy"), "gateway")
                : List.of(suite.env("SUITE_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1").split("\\s+")));
        command.add("-jar");
        command.add(suite.root().resolve("gateway/target/quarkus-app/quarkus-run.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(suite.run().resolve("logs/gateway-bench-replica.log").toFile());
        var env = builder.environment();
        env.putAll(suite.environment());
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("GATEWAY_DB", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", suite.kafkaBootstrap());
        env.put("OIDC_AUTH_SERVER_URL", "http://localhost:" + suite.keycloakPort() + "/realms/county");
        env.put("DISCLOSURE_URL", suite.serviceUrl("disclosure-service"));
        env.put("COMMITMENT_URL", suite.serviceUrl("commitment-service"));
        env.put("SUPERVISION_URL", suite.serviceUrl("supervision-service"));
        String group = "gateway-bench-replica-" + System.currentTimeMillis();
        env.put("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID", group);
        env.put("GATEWAY_WEBHOOKS_DISPATCH", "false");
        long launched = System.nanoTime();
        SuiteAccess access = suite.with(java.util.Map.of("GATEWAY_PORT", Integer.toString(port),
                "GATEWAY_MANAGEMENT_PORT", Integer.toString(managementPort)));
        return new Replica(builder.start(), database, access, launched);
    }

    /**
     * The replica's start-up, how fast it catches up with every event the live gateway has applied (counted from when
     * it became ready), and whether its read models then equal the live ones. Stops it.
     */
    public void freshReplica(Replica replica) throws Exception {
        try (replica) {
            awaitReady(replica.access, replica.process);
            long ready = System.nanoTime();
            long expected = applied(suite.database("gateway"));
            long deadline = ready + CATCH_UP.toNanos();
            long seen;
            while ((seen = applied(replica.database)) < expected) {
                if (System.nanoTime() > deadline || !replica.process.isAlive()) {
                    results.problem("the fresh replica applied only " + seen + " of " + expected + " events");
                    return;
                }
                sleep(Duration.ofMillis(200));
            }
            double seconds = (System.nanoTime() - ready) / 1e9;
            results.add("catchup.eps", "history", "a fresh gateway replica catching up from the topics", expected / seconds,
                    "events/s");
            results.add("catchup.start.s", "history", "the fresh replica: start-up to ready", (ready - replica.launched) / 1e9, "s");
            String admin = suite.token("admin");
            boolean equal = suite.getJson("/api/v1/internal/admin/read-model/digest", admin)
                    .equals(replica.access.getJson("/api/v1/internal/admin/read-model/digest", admin));
            results.add("catchup.digest.equal", "history", "the replica's read models equal the live ones (1 = yes)",
                    equal ? 1 : 0, "");
            if (!equal) {
                results.problem("the fresh replica's digest differs from the live gateway's");
            }
        }
    }

    /** Events the gateway of that database has applied to its read models. */
    private long applied(String database) {
        try (Connection c = suite.connect(database); var s = c.createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM processed_event WHERE consumer = 'gateway-read-model'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return 0; // not migrated yet
        }
    }

    private void awaitReady(SuiteAccess replica, Process process) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (replica.send("GET", "http://localhost:" + replica.gatewayManagementPort() + "/q/health/ready", null, null)
                        .statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("the fresh gateway replica did not become ready; see its log");
    }

    private void dropDatabase(String database) {
        try (Connection c = suite.connect("postgres"); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + database + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token renewed before it runs out (the realm's tokens live 15 minutes; a full history load takes longer). */
    static final class TokenCache {
        private final SuiteAccess suite;
        private final String user;
        private String token;
        private long renewAt;

        TokenCache(SuiteAccess suite, String user) {
            this.suite = suite;
            this.user = user;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() > renewAt) {
                token = suite.token(user);
                renewAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            }
            return token;
        }
    }
}
