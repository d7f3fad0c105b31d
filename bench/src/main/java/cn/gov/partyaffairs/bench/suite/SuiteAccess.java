package cn.gov.partyaffairs.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A started suite as the benchmark sees it from outside: its ports, databases and processes (from the launcher's
 * environment variables and pid files), real tokens from its Keycloak, and the database server's own statistics.
 */
public final class SuiteAccess {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> env;

    private SuiteAccess(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The suite the launcher's environment names. */
    public static SuiteAccess fromEnvironment() {
        return new SuiteAccess(System.getenv());
    }

    /** Another suite: this one's environment with some variables replaced. */
    public SuiteAccess with(Map<String, String> changes) {
        Map<String, String> changed = new HashMap<>(env);
        changed.putAll(changes);
        return new SuiteAccess(changed);
    }

    /** The environment the launcher needs to act on this suite. */
    public Map<String, String> environment() {
        return env;
    }

    public String env(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public int port(String variable, int fallback) {
        return Integer.parseInt(env(variable, Integer.toString(fallback)));
    }

    public Path root() {
        return Path.of(env("SUITE_ROOT", "."));
    }

    public Path run() {
        return Path.of(env("SUITE_RUN", root().resolve(".suite").toString()));
    }

    public int gatewayPort() {
        return port("GATEWAY_PORT", 8080);
    }

    /** The gateway's management interface (health, metrics): its own port, never the public door. */
    public int gatewayManagementPort() {
        return port("GATEWAY_MANAGEMENT_PORT", gatewayPort() + 1000);
    }

    public int keycloakPort() {
        return port("KEYCLOAK_PORT", 8180);
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + switch (service) {
            case "disclosure-service" -> port("DISCLOSURE_PORT", 8081);
            case "commitment-service" -> port("COMMITMENT_PORT", 8082);
            case "supervision-service" -> port("SUPERVISION_PORT", 8083);
            default -> gatewayPort();
        };
    }

    public String kafkaBootstrap() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + port("KAFKA_PORT", 9092));
    }

    /** The database of a part of the suite ({@code gateway}, {@code disclosure-service} …). */
    public String database(String part) {
        String base = part.replace("-service", "");
        return env(base.toUpperCase() + "_DB", base);
    }

    /** A demo user's access token (password grant of the local realm's CLI client). */
    public String token(String user) {
        String form = "grant_type=password&client_id=suite-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(env("DEMO_PASSWORD", "demo"), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + keycloakPort()
                        + "/realms/county/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + answer.statusCode() + " " + answer.body());
        }
        return json(answer).get("access_token").asText();
    }

    /** A JSON GET against the gateway (anonymous when {@code token} is null). */
    public JsonNode getJson(String path, String token) {
        HttpResponse<String> answer = send("GET", "http://localhost:" + gatewayPort() + path, token, null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer);
    }

    public HttpResponse<String> send(String method, String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofMinutes(30)).build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(answer.uri() + " did not answer JSON: " + answer.body(), e);
        }
    }

    /** A connection to the suite's PostgreSQL server, to the given database. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", env("PGUSER", "postgres"));
        props.setProperty("password", env("PGPASSWORD", ""));
        return DriverManager.getConnection("jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
                + "/" + database, props);
    }

    /** Transactions committed and rolled back in {@code database} so far, by the server's own statistics. */
    public long transactions(String database) {
        try (Connection c = connect("postgres"); var statement = c.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (var rows = statement.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '"
                    + database.replace("'", "''") + "'")) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_database: " + e.getMessage(), e);
        }
    }

    /** The recorded process id of a part of the suite ({@code gateway}, {@code kafka} …). */
    public long pid(String part) {
        Path file = run().resolve("pids/" + part + ".pid");
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(part + " is not running (no " + file + ")");
        }
    }

    /** Resident memory of a process in MiB, from /proc. */
    public static double residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone");
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }
}
