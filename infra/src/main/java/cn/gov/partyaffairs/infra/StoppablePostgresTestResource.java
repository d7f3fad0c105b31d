package cn.gov.partyaffairs.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A PostgreSQL server of the test's own, for tests of what a service does while its database is away: started here
 * from the real binaries on a free port with its data in a temporary folder, so that {@link #stopServer()} really
 * stops it (connections refused, sessions ended with 57P01) and {@link #startServer()} starts it again on the same
 * port with the same data. Never the environment's shared server, which other tests and people use.
 * <p>
 * Init arg {@code database} names the service's database (default {@code test}); the service makes it on first start.
 * Use it from a test profile that disables the global test resources (the module's shared database would otherwise
 * set the same datasource URL).
 */
public class StoppablePostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile StoppablePostgresTestResource current;

    private String database = "test";
    private Path dataDir;
    private PostgresServer.Target target;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("party-affairs-stoppable-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer.Target environment = PostgresServer.Target.fromEnvironment();
        target = new PostgresServer.Target("127.0.0.1", Os.freePort(), environment.user(), environment.password());
        PostgresServer server = PostgresServer.ensure(target, dataDir);
        current = this;
        return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    /** Stops the server (fast shutdown: every session is ended); its port refuses connections until started again. */
    public static void stopServer() {
        StoppablePostgresTestResource resource = running();
        PostgresServer.stop(resource.dataDir);
    }

    /** Starts the server again on the same port with the data it had. */
    public static void startServer() {
        StoppablePostgresTestResource resource = running();
        PostgresServer.ensure(resource.target, resource.dataDir);
    }

    /** The server's port, for a test that reads the database directly. */
    public static int port() {
        return running().target.port();
    }

    private static StoppablePostgresTestResource running() {
        StoppablePostgresTestResource resource = current;
        if (resource == null) {
            throw new IllegalStateException("StoppablePostgresTestResource has not started");
        }
        return resource;
    }

    @Override
    public void stop() {
        if (dataDir != null) {
            PostgresServer.stop(dataDir);
            Os.deleteRecursively(Os.reachableByNobody(dataDir));
            current = null;
            dataDir = null;
        }
    }
}
