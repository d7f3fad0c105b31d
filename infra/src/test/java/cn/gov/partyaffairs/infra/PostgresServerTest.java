package cn.gov.partyaffairs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

class PostgresServerTest {

    @Test
    void createsAndDropsADatabaseEvenWithASessionOpen() throws Exception {
        PostgresServer server = PostgresServer.ensure();
        String name = "infra_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.createDatabaseIfMissing(name);
        server.createDatabaseIfMissing(name);
        try (Connection open = connect(server, name)) {
            assertEquals(name, query(open, "SELECT current_database()"));
            server.dropDatabase(name);
            assertTrue(open.isClosed() || !open.isValid(2), "the drop ended the session");
        }
        try (Connection admin = connect(server, "postgres")) {
            assertEquals("0", query(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
        }
    }

    @Test
    void startsItsOwnServerWhenNoneAnswersAndStopsIt() throws Exception {
        int silentPort = Os.freePort();
        PostgresServer server = PostgresServer.ensure(new PostgresServer.Target("127.0.0.1", silentPort, "postgres", ""));
        try {
            assertTrue(server.startedHere());
            assertNotEquals(silentPort, server.port(), "a temporary server takes a free port of its own");
            try (Connection connection = connect(server, "postgres")) {
                assertEquals("1", query(connection, "SELECT 1"));
                assertTrue(query(connection, "SHOW server_version").startsWith("17.5"));
            }
            server.createDatabaseIfMissing("infra_fallback");
            try (Connection connection = connect(server, "infra_fallback")) {
                assertEquals("infra_fallback", query(connection, "SELECT current_database()"));
            }
        } finally {
            server.stop();
        }
        assertFalse(Os.isListening("127.0.0.1", server.port()));
    }

    /** The launcher's way: a server in a named folder that outlives its starter and keeps its data across a stop. */
    @Test
    void aServerInANamedFolderKeepsItsDataAndIsStoppedByFolder(@TempDir Path temp) throws Exception {
        // Mode 700 above the data folder: as root, nobody cannot reach it, so a stand-in folder must serve.
        Path locked = Files.createDirectory(temp.resolve("locked"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path data = locked.resolve("postgres");
        PostgresServer.Target target = new PostgresServer.Target("127.0.0.1", Os.freePort(), "postgres", "");
        try {
            PostgresServer first = PostgresServer.ensure(target, data);
            assertTrue(first.startedHere());
            assertEquals(target.port(), first.port(), "a named server takes the port it was asked for");
            try (Connection connection = connect(first, "postgres"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (v text)");
                statement.execute("INSERT INTO kept VALUES ('still here')");
            }
            assertTrue(PostgresServer.stop(data));
            assertFalse(Os.isListening("127.0.0.1", target.port()));

            PostgresServer second = PostgresServer.ensure(target, data);
            assertTrue(second.startedHere());
            try (Connection connection = connect(second, "postgres")) {
                assertEquals("still here", query(connection, "SELECT v FROM kept"));
            }
            PostgresServer already = PostgresServer.ensure(target, data);
            assertFalse(already.startedHere(), "a server that answers is used, not started again");
        } finally {
            PostgresServer.stop(data);
            Os.deleteRecursively(Os.reachableByNobody(data));
        }
        assertFalse(PostgresServer.stop(data));
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        PostgresServer server = PostgresServer.ensure();
        assertThrows(IllegalArgumentException.class, () -> server.createDatabaseIfMissing("x\"; DROP DATABASE postgres; --"));
    }

    private static Connection connect(PostgresServer server, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", server.password());
        return new Driver().connect(server.jdbcUrl(database), props);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
