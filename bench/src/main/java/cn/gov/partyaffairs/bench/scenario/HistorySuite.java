package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second suite, beside the one under test, that holds the generated county history: its own broker, databases and
 * services on ports 5000 above the suite's, the same Keycloak. The benchmark's writes (commands, stream events)
 * and the history go there, so the suite under test keeps only its own data. The full run keeps it between runs
 * (the history takes minutes to load); the quick one starts it empty each time.
 *
 * <p>The full run also keeps a snapshot of the history as generated (its databases as templates, its broker's data
 * folder copied, both with the suite stopped) and starts every run from it: each run's commands register some 3,000
 * organizations, and measured on a history that grew run by run, two runs back to back disagreed by 50-71% on
 * every command (20261207T120950Z, 20261207T130113Z).
 */
public final class HistorySuite implements AutoCloseable {

    private static final int PORT_OFFSET = 5000;
    private static final List<String> DATABASES = List.of("DISCLOSURE_DB", "COMMITMENT_DB", "SUPERVISION_DB", "GATEWAY_DB");
    private static final String SNAPSHOT_SUFFIX = "_snapshot";

    private final SuiteAccess suite;
    private final SuiteAccess underTest;
    private final Path log;

    private HistorySuite(SuiteAccess underTest, SuiteAccess suite, Path log) {
        this.underTest = underTest;
        this.suite = suite;
        this.log = log;
    }

    /**
     * @param fresh      drop what an earlier run left, and start empty
     * @param production the JVM settings of the Kubernetes manifests (the full run); otherwise the launcher's quick
     *                   start, as the quick run measures the suite under test
     */
    public static HistorySuite start(SuiteAccess underTest, String suffix, boolean fresh, boolean production)
            throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("SUITE_RUN", underTest.run() + "-" + suffix);
        for (String port : List.of("GATEWAY_PORT", "DISCLOSURE_PORT", "COMMITMENT_PORT", "SUPERVISION_PORT", "KAFKA_PORT")) {
            int base = switch (port) {
                case "GATEWAY_PORT" -> 8080;
                case "DISCLOSURE_PORT" -> 8081;
                case "COMMITMENT_PORT" -> 8082;
                case "SUPERVISION_PORT" -> 8083;
                default -> 9092;
            };
            env.put(port, Integer.toString(underTest.port(port, base) + PORT_OFFSET));
            if (!port.equals("KAFKA_PORT")) {
                // The management interfaces move with the ports, or they would clash with the suite under test's.
                String management = port.replace("_PORT", "_MANAGEMENT_PORT");
                env.put(management, Integer.toString(underTest.port(management, underTest.port(port, base) + 1000)
                        + PORT_OFFSET));
            }
        }
        for (String database : DATABASES) {
            String service = database.replace("_DB", "").toLowerCase();
            env.put(database, underTest.database(service) + "_" + suffix);
        }
        // Its own broker, whatever the suite under test uses: the history must not reach that suite's topics.
        env.put("KAFKA_BOOTSTRAP_SERVERS", "");
        env.put("SUITE_KEYCLOAK", "external");
        env.put("SUITE_DEMO", "0");
        env.put("SUITE_JVM", production ? "production" : "");
        SuiteAccess history = underTest.with(env);
        Path log = underTest.run().resolve("logs/bench-history-suite.log");
        Files.createDirectories(log.getParent());
        HistorySuite started = new HistorySuite(underTest, history, log);
        // A load that broke off leaves a history that looks there but is not whole: start it again.
        if (fresh || !Files.exists(completeMarker(history))) {
            started.launcher("down");
            started.dropDatabases("");
            started.dropDatabases(SNAPSHOT_SUFFIX);
            deleteTree(history.run());
        } else if (production) {
            started.launcher("down");
            if (started.hasSnapshot()) {
                started.restoreSnapshot();
            } else {
                // A history kept by a run from before snapshots: from now on, every run starts where this one does.
                started.takeSnapshot();
            }
        }
        try {
            started.launcher("up");
        } catch (RuntimeException e) {
            started.launcher("down"); // what did start is stopped, or the next run finds its ports taken
            throw e;
        }
        return started;
    }

    /** Written once the generated history is loaded whole; without it the next full run generates it again. */
    public static Path completeMarker(SuiteAccess history) {
        return history.run().resolve("history.complete");
    }

    public SuiteAccess suite() {
        return suite;
    }

    private void launcher(String command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(underTest.root().resolve("suite").toString(), command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            suite.environment().forEach((name, value) -> {
                if (value.isEmpty()) {
                    env.remove(name);
                } else {
                    env.put(name, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./suite " + command + " of the history suite failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void dropDatabases(String suffix) {
        try (Connection c = suite.connect("postgres"); var s = c.createStatement()) {
            for (String database : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS \"" + suite.env(database, "") + suffix + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the history suite's databases: " + e.getMessage(), e);
        }
    }

    public boolean hasSnapshot() {
        return Files.exists(snapshotFolder().resolve("complete"));
    }

    /**
     * Stops the history suite, keeps its state as the one every later full run starts from, and starts it again.
     * Taken right after the history is generated, so the first run and the next measure the same county.
     */
    public void snapshot() {
        launcher("down");
        takeSnapshot();
        launcher("up");
    }

    /** With the history suite stopped: nothing may write while the files and templates are copied. */
    private void takeSnapshot() {
        try {
            deleteTree(snapshotFolder());
            dropDatabases(SNAPSHOT_SUFFIX);
            copyDatabases("", SNAPSHOT_SUFFIX);
            copyTree(suite.run().resolve("kafka"), snapshotFolder().resolve("kafka"));
            Files.writeString(snapshotFolder().resolve("complete"), "the history as generated\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a snapshot of the history suite: " + e.getMessage(), e);
        }
    }

    /** With the history suite stopped: its databases and its broker's data exactly as the snapshot holds them. */
    private void restoreSnapshot() {
        try {
            dropDatabases("");
            copyDatabases(SNAPSHOT_SUFFIX, "");
            deleteTree(suite.run().resolve("kafka"));
            copyTree(snapshotFolder().resolve("kafka"), suite.run().resolve("kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the history suite's snapshot: " + e.getMessage(), e);
        }
    }

    private Path snapshotFolder() {
        return suite.run().resolve("snapshot");
    }

    /** A file copy of each database (no connection may be open to the source, so only with the suite stopped). */
    private void copyDatabases(String fromSuffix, String toSuffix) {
        try (Connection c = suite.connect("postgres"); var s = c.createStatement()) {
            for (String database : DATABASES) {
                String name = suite.env(database, "");
                s.execute("CREATE DATABASE \"" + name + toSuffix + "\" TEMPLATE \"" + name + fromSuffix + "\" STRATEGY FILE_COPY");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the history suite's databases: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Override
    public void close() {
        launcher("down");
    }
}
