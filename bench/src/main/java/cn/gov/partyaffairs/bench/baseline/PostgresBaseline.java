package cn.gov.partyaffairs.bench.baseline;

import cn.gov.partyaffairs.bench.suite.SuiteAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The suite's own PostgreSQL server, measured with its own tool on a scratch database: read-only point selects
 * ({@code pgbench -S}) and a write transaction of two statements (an update and an insert, the shape of a command
 * with its outbox row), 8 clients each, in turns (select, write, unsynced write, select ...) so that a drift of the
 * machine falls on all. The unsynced write is the same transaction with {@code synchronous_commit=off}: what the
 * server's processors allow for writes, without waiting on the disk. The commands are bound by processors, not by
 * commits (their CPU time per command gives their throughput within 12%), and this shared machine's disk moved the
 * synced write's median of three by 48% between two idle runs (4,127 and 6,090 tps) while the select moved 12%.
 */
public final class PostgresBaseline {

    public static final String SCRATCH = "bench_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String WRITE = """
            \\set aid random(1, 100000 * :scale)
            \\set delta random(-5000, 5000)
            BEGIN;
            UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
            INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, :aid, :delta, CURRENT_TIMESTAMP);
            END;
            """;

    public record Figures(double selectTps, double writeTps, double unsyncedWriteTps, String pgbench, String server) {
    }

    /** @param turns select and write taken this many times in turns, the median of each kept */
    public static Figures measure(SuiteAccess suite, Duration each, int turns) {
        try (Scratch scratch = Scratch.open(suite)) {
            List<Double> selects = new ArrayList<>();
            List<Double> writes = new ArrayList<>();
            List<Double> unsyncedWrites = new ArrayList<>();
            for (int turn = 0; turn < turns; turn++) {
                selects.add(scratch.select(each));
                writes.add(scratch.write(each));
                unsyncedWrites.add(scratch.unsyncedWrite(each));
            }
            return new Figures(median(selects), median(writes), median(unsyncedWrites), scratch.pgbench, scratch.server);
        }
    }

    /**
     * The scratch database, initialized for pgbench, for turns of it taken where they are needed (the commands take
     * theirs beside each command); dropped on close.
     */
    public static final class Scratch implements AutoCloseable {

        private final SuiteAccess suite;
        private final String pgbench;
        private final String server;
        private final Path script;

        private Scratch(SuiteAccess suite, String pgbench, String server, Path script) {
            this.suite = suite;
            this.pgbench = pgbench;
            this.server = server;
            this.script = script;
        }

        public static Scratch open(SuiteAccess suite) {
            String pgbench = pgbench();
            String server;
            try (Connection c = suite.connect("postgres"); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + SCRATCH);
                s.execute("CREATE DATABASE " + SCRATCH);
                try (var rows = s.executeQuery("SHOW server_version")) {
                    rows.next();
                    server = rows.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make the scratch database: " + e.getMessage(), e);
            }
            try {
                Path script = Files.createTempFile("pgbench-write-", ".sql");
                Files.writeString(script, WRITE);
                Scratch scratch = new Scratch(suite, pgbench, server, script);
                run(suite, pgbench, List.of("-i", "-q", "-s", "10"), "");
                return scratch;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public double select(Duration each) {
            return tps(run(suite, pgbench, List.of("-S", "-n", "-c", "8", "-j", "2", "-T", seconds(each)), ""));
        }

        public double write(Duration each) {
            return tps(run(suite, pgbench, writeArguments(each), ""));
        }

        public double unsyncedWrite(Duration each) {
            return tps(run(suite, pgbench, writeArguments(each), "-c synchronous_commit=off"));
        }

        private List<String> writeArguments(Duration each) {
            return List.of("-n", "-c", "8", "-j", "2", "-T", seconds(each), "-f", script.toString());
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // a temporary file
            }
            try (Connection c = suite.connect("postgres"); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            } catch (SQLException ignored) {
                // A scratch database left behind is dropped by the next run.
            }
        }
    }

    /** @param options server settings for the session ({@code PGOPTIONS}), or empty */
    private static String run(SuiteAccess suite, String pgbench, List<String> arguments, String options) {
        List<String> command = new ArrayList<>(List.of(pgbench, "-h", suite.env("PGHOST", "127.0.0.1"),
                "-p", suite.env("PGPORT", "5432"), "-U", suite.env("PGUSER", "postgres")));
        command.addAll(arguments);
        command.add(SCRATCH);
        return Processes.run(command, Map.of("PGPASSWORD", suite.env("PGPASSWORD", ""), "PGOPTIONS", options),
                Duration.ofMinutes(5));
    }

    private static double tps(String printed) {
        Matcher m = TPS.matcher(printed);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + Processes.tail(printed));
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, duration.toSeconds()));
    }

    /** pgbench from PATH, else from a PostgreSQL installation on this machine. */
    static String pgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        try (Stream<Path> installs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return installs.map(p -> p.resolve("bin/pgbench")).filter(Files::isExecutable).map(Path::toString)
                    .findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("no pgbench on this machine (Debian: apt-get install postgresql-client)");
        }
    }
}
