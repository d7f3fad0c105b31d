package cn.gov.partyaffairs.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.postgresql.Driver;

/**
 * A real PostgreSQL server: the one the environment names when it answers, otherwise one started here from the
 * PostgreSQL 17.5 binaries on Maven Central ({@link PostgresBinaries}), listening on 127.0.0.1 only, trust auth.
 * <p>
 * PostgreSQL refuses to run as root, so as root {@code initdb} and {@code pg_ctl} run as {@code nobody}
 * ({@code runuser -u nobody}), with binaries and data in folders that user can reach.
 */
public final class PostgresServer {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DATA = "pgdata";
    private static final String LOCAL_HOST = "127.0.0.1";
    /** Linux's limit on a Unix socket path (sun_path minus its terminating NUL). */
    private static final int MAX_SOCKET_PATH = 107;

    private static PostgresServer shared;

    private final Target target;
    /** Folder holding the data directory, logs and socket of a server started here; null for a server found running. */
    private final Path root;
    private final boolean temporary;
    private Thread shutdownHook;
    private volatile boolean stopped;

    /** Where to look for a server, and who to log in as. */
    public record Target(String host, int port, String user, String password) {

        /** {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD}; default 127.0.0.1:5432, postgres, "". */
        public static Target fromEnvironment() {
            return new Target(env("PGHOST", LOCAL_HOST), Integer.parseInt(env("PGPORT", "5432")),
                    env("PGUSER", "postgres"), env("PGPASSWORD", ""));
        }

        public Target withPort(int port) {
            return new Target(host, port, user, password);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private PostgresServer(Target target, Path root, boolean temporary) {
        this.target = target;
        this.root = root;
        this.temporary = temporary;
    }

    /**
     * The environment's server ({@link Target#fromEnvironment()}), or else a temporary one as
     * {@link #ensure(Target)} starts; the same object for every caller in this JVM until it is stopped.
     */
    public static synchronized PostgresServer ensure() {
        if (shared == null || shared.stopped) {
            shared = ensure(Target.fromEnvironment());
        }
        return shared;
    }

    /**
     * The server at {@code target} if one answers; otherwise a new one on a free port with its data in a new
     * temporary folder, which {@link #stop()} or, at the latest, the end of this JVM stops and deletes.
     */
    public static PostgresServer ensure(Target target) {
        if (Os.isListening(target.host(), target.port())) {
            return connect(target);
        }
        Path root;
        try {
            root = Files.createTempDirectory("party-affairs-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer server = new PostgresServer(new Target(LOCAL_HOST, Os.freePort(), target.user(),
                target.password()), root, true);
        try {
            server.start();
        } catch (RuntimeException e) {
            Os.deleteRecursively(root);
            throw e;
        }
        server.shutdownHook = new Thread(server::stop, "postgres-stop");
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    /**
     * The server at {@code target} if one answers; otherwise one started on {@code target.port()} with its data in
     * {@code dataDir}, reusing the data a previous start left there. That server outlives this JVM: stop it with
     * {@link #stop(Path)}.
     */
    public static PostgresServer ensure(Target target, Path dataDir) {
        if (Os.isListening(target.host(), target.port())) {
            return connect(target);
        }
        PostgresServer server = new PostgresServer(new Target(LOCAL_HOST, target.port(), target.user(),
                target.password()), Os.reachableByNobody(dataDir), false);
        server.start();
        return server;
    }

    /** The server at {@code target}, which must answer and accept the login. */
    public static PostgresServer connect(Target target) {
        PostgresServer server = new PostgresServer(target, null, false);
        try (Connection ignored = server.open("postgres")) {
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException("no usable PostgreSQL at " + target.host() + ":" + target.port()
                    + " for user " + target.user() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The data directory of the server that {@link #ensure(Target, Path)} starts in {@code dataDir} (elsewhere when
     * run as root and {@code dataDir} is not reachable by {@code nobody}); its {@code postmaster.pid} names the server.
     */
    public static Path dataDirectory(Path dataDir) {
        return Os.reachableByNobody(dataDir).resolve(DATA);
    }

    /**
     * Stops the server that {@link #ensure(Target, Path)} started in {@code dataDir}, perhaps in another process.
     *
     * @return whether one was running
     */
    public static boolean stop(Path dataDir) {
        Path root = Os.reachableByNobody(dataDir);
        if (!Files.isDirectory(root.resolve(DATA))) {
            return false;
        }
        Path pgCtl = PostgresBinaries.install().resolve("bin/pg_ctl");
        // Exit 3: no server running in that data directory (a stale postmaster.pid included).
        if (run(root, pgCtl.toString(), "-D", root.resolve(DATA).toString(), "status") != 0) {
            return false;
        }
        require(root, run(root, pgCtl.toString(), "-D", root.resolve(DATA).toString(), "-m", "fast", "-w", "stop"),
                "pg_ctl stop");
        return true;
    }

    public String host() {
        return target.host();
    }

    public int port() {
        return target.port();
    }

    public String user() {
        return target.user();
    }

    public String password() {
        return target.password();
    }

    /** True when this object started the server, rather than finding it running. */
    public boolean startedHere() {
        return root != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public void createDatabaseIfMissing(String name) {
        String quoted = quote(name);
        try (Connection connection = open("postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoted);
            }
        } catch (SQLException e) {
            // 42P04: created by someone else between our check and our CREATE.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** Drops the database if it exists, first ending every session connected to it. */
    public void dropDatabase(String name) {
        String quoted = quote(name);
        try (Connection connection = open("postgres");
                PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()");
                Statement drop = connection.createStatement()) {
            terminate.setString(1, name);
            terminate.executeQuery().close();
            // FORCE (PostgreSQL 13+) also ends sessions that connect between the terminate and the drop.
            boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
            drop.execute("DROP DATABASE IF EXISTS " + quoted + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server if this object started it (deleting a temporary server's data); a server that was already
     * running is left alone.
     */
    public synchronized void stop() {
        if (root == null || stopped) {
            return;
        }
        stopped = true;
        Path pgCtl = PostgresBinaries.install().resolve("bin/pg_ctl");
        require(root, run(root, pgCtl.toString(), "-D", root.resolve(DATA).toString(), "-m", "fast", "-w", "stop"),
                "pg_ctl stop");
        if (temporary) {
            Os.deleteRecursively(root);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to; it will find the server stopped.
            }
        }
    }

    private void start() {
        long started = System.nanoTime();
        Path bin = PostgresBinaries.install().resolve("bin");
        Os.openDirectory(root);
        if (Os.isRoot()) {
            Os.giveToNobody(root);
        }
        Path data = root.resolve(DATA);
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            List<String> initdb = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", user(), "-A", "trust", "-E", "UTF8", "--locale=C"));
            if (temporary) {
                initdb.add("--no-sync");
            }
            require(root, run(root, initdb.toArray(String[]::new)), "initdb");
        }
        Path socketDir = (root + "/.s.PGSQL." + port()).length() <= MAX_SOCKET_PATH ? root : Path.of("/tmp");
        // pg_ctl hands -o to /bin/sh, hence the single quotes around the path.
        String options = "-c listen_addresses=" + LOCAL_HOST + " -p " + port()
                + " -c unix_socket_directories='" + socketDir + "'"
                // A temporary server's data dies with it: durability would only slow the tests down.
                + (temporary ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : "");
        require(root, run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", root.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", options, "start"), "pg_ctl start");
        LOG.log(Level.INFO, "PostgreSQL {0} started on {1}:{2,number,#} in {3,number,#} ms, data in {4}",
                PostgresBinaries.VERSION, host(), port(), (System.nanoTime() - started) / 1_000_000, data);
    }

    private Connection open(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        if (!password().isEmpty()) {
            props.setProperty("password", password());
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "party-affairs-infra");
        // The driver directly, not DriverManager, which may not see it from a Quarkus test's class loader.
        Connection connection = new Driver().connect(jdbcUrl(database), props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }

    /** Runs a PostgreSQL program (as nobody when we are root) in {@code root}, its output appended to setup.log. */
    private static int run(Path root, String... command) {
        List<String> full = new ArrayList<>();
        if (Os.isRoot()) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(List.of(command));
        File log = root.resolve("setup.log").toFile();
        try {
            Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 2 minutes; see " + log);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(Path root, int exitCode, String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed (exit " + exitCode + ")\n" + tail(root.resolve("setup.log"))
                    + tail(root.resolve("postgres.log")));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return "--- " + log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
                    + "\n";
        } catch (IOException e) {
            return "--- " + log + ": " + e.getMessage() + "\n";
        }
    }

    private static String quote(String name) {
        if (!PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return '"' + name + '"';
    }
}
