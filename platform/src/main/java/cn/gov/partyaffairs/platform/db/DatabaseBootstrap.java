package cn.gov.partyaffairs.platform.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the service's own database on first start, then migrates it, before anything else touches it: it runs
 * ahead of the outbox relay and the Kafka consumers (their startup observers come later).
 */
@ApplicationScoped
public class DatabaseBootstrap {

    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");

    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final Instance<Flyway> flyway;

    public DatabaseBootstrap(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                             @ConfigProperty(name = "quarkus.datasource.username") String username,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                             Instance<Flyway> flyway) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.flyway = flyway;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) throws SQLException {
        createDatabaseIfMissing();
        flyway.get().migrate();
    }

    private void createDatabaseIfMissing() throws SQLException {
        Matcher url = POSTGRES_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            LOG.infof("Not a plain PostgreSQL URL (%s); assuming its database exists", jdbcUrl);
            return;
        }
        String database = url.group(2);
        String maintenanceUrl = "jdbc:postgresql://" + url.group(1) + "/postgres" + (url.group(3) == null ? "" : url.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password.orElse(""));
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
                LOG.infof("Created database %s", database);
            } catch (SQLException e) {
                // Another replica may have created it a moment ago.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
