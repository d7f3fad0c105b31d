package cn.gov.partyaffairs.infra;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh database, {@code <prefix>_test_<random>}, on a real PostgreSQL server ({@link PostgresServer#ensure()}) for
 * one test run, so tests never meet a developer's data or another run's; dropped at the end. Init arg
 * {@code database} sets the prefix (default {@code test}).
 * <p>
 * A server started because none answered is shared by the whole JVM and stops when the JVM ends, so a second test
 * profile does not pay for a second start.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String prefix = "test";
    private PostgresServer server;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.ensure();
        database = prefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabaseIfMissing(database);
        return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.dropDatabase(database);
            server = null;
        }
    }
}
