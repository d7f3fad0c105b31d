package cn.gov.partyaffairs.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A second replica of a service of the started suite: the same jar, database, broker and realm, on a free port,
 * logging beside the suite's own logs.
 */
final class Replica implements AutoCloseable {

    private final Process process;
    private final String url;

    private Replica(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param module       the service's module, e.g. {@code commitment-service}
     * @param portVariable the environment variable the service takes its HTTP port from, e.g. {@code COMMITMENT_PORT}
     */
    static Replica start(String module, String portVariable) throws IOException {
        int port;
        int managementPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
            port = socket.getLocalPort();
            managementPort = management.getLocalPort();
        }
        Path root = Path.of(Suite.env("SUITE_ROOT", ".."));
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                root.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve(Suite.env("SUITE_RUN", ".suite")).resolve("logs/" + module + "-replica-2.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put(portVariable, Integer.toString(port));
        // Its health checks answer on a management port of its own, beside the first replica's.
        environment.put(portVariable.replace("_PORT", "_MANAGEMENT_PORT"), Integer.toString(managementPort));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + Suite.env("KAFKA_PORT", "9092"));
        environment.put("OIDC_AUTH_SERVER_URL", "http://localhost:" + Suite.env("KEYCLOAK_PORT", "8180") + "/realms/county");
        Replica replica = new Replica(builder.start(), "http://localhost:" + port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Suite.get("http://localhost:" + managementPort + "/q/health/ready", null).statusCode() == 200);
        return replica;
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
