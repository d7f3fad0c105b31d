package cn.gov.partyaffairs.infra;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's way to the same Kafka and PostgreSQL the tests use. Result lines go to standard output, logs to
 * standard error.
 * <pre>
 *   kafka [--port 9092] [--data DIR] [--partitions 1]
 *       runs a broker in the foreground until SIGTERM/SIGINT, keeping its data in DIR (a temporary folder without
 *       --data) and carrying on from what an earlier run left there; prints "KAFKA READY host:port" once it serves
 *   postgres [--port $PGPORT] --data DIR
 *       uses the server at $PGHOST:port, or starts one from the binaries with its data in DIR and leaves it running;
 *       prints "POSTGRES READY host port user started|existing"
 *   postgres-stop --data DIR
 *       stops a server "postgres" started in DIR; prints "POSTGRES STOPPED" or "POSTGRES NOT RUNNING"
 *   postgres-data --data DIR
 *       prints the data directory of the server "postgres" starts in DIR (its postmaster.pid names the server)
 *   createdb NAME...   creates the databases that are missing on the environment's server; "DATABASE READY name"
 *   dropdb NAME...     drops them, ending their sessions; "DATABASE DROPPED name"
 *   caught-up [--bootstrap localhost:9092] [--timeout-seconds 300]
 *       waits until every consumer group with members has consumed every record of its partitions; prints
 *       "CONSUMERS CAUGHT UP", or "CONSUMERS STILL BEHIND {group=records}" and exits 3 when the time runs out
 * </pre>
 * PostgreSQL commands read PGHOST, PGPORT, PGUSER and PGPASSWORD (default 127.0.0.1, 5432, postgres, empty).
 */
public final class InfraMain {

    /** Standard output, kept for result lines: everything else that prints there (Kafka does) goes to stderr. */
    private static final PrintStream RESULTS = System.out;
    /** Held here because JUL keeps loggers, and so the levels set on them, only weakly. */
    private static final List<Logger> CONFIGURED_LOGGERS = new ArrayList<>();

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setOut(System.err);
        logToStandardError();
        if (args.length == 0) {
            usage();
        }
        Options options = new Options(List.of(args).subList(1, args.length));
        try {
            switch (args[0]) {
                case "kafka" -> kafka(options);
                case "postgres" -> postgres(options);
                case "postgres-stop" -> RESULTS.println(
                        PostgresServer.stop(options.requiredPath("--data")) ? "POSTGRES STOPPED" : "POSTGRES NOT RUNNING");
                case "postgres-data" -> RESULTS.println(PostgresServer.dataDirectory(options.requiredPath("--data")));
                case "createdb" -> databases(options, true);
                case "dropdb" -> databases(options, false);
                case "caught-up" -> caughtUp(options);
                default -> usage();
            }
        } catch (RuntimeException e) {
            System.err.println("InfraMain " + args[0] + " failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Kafka and this module log through JBoss Log Manager, which is on the class path, wants to be JUL's manager and
     * starts with no handler at all. The launcher keeps standard error as the log.
     */
    private static void logToStandardError() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s [%3$s] %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        CONFIGURED_LOGGERS.add(root);
        // A broker logs some 1,400 INFO lines at each start; its warnings are what a launcher's log needs.
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            CONFIGURED_LOGGERS.add(logger);
        }
    }

    private static void kafka(Options options) throws InterruptedException {
        String data = options.value("--data", null);
        KafkaBroker broker = (data == null ? new KafkaBroker() : new KafkaBroker(Path.of(data)))
                .withPartitions(Integer.parseInt(options.value("--partitions", "1")));
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before the start, so a SIGTERM during startup still shuts the broker down cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-stop"));
        broker.start(Integer.parseInt(options.value("--port", "9092")));
        RESULTS.println("KAFKA READY " + broker.bootstrapServers());
        RESULTS.flush();
        stopped.await();
    }

    private static void postgres(Options options) {
        PostgresServer.Target environment = PostgresServer.Target.fromEnvironment();
        int port = Integer.parseInt(options.value("--port", Integer.toString(environment.port())));
        PostgresServer server = PostgresServer.ensure(environment.withPort(port), options.requiredPath("--data"));
        RESULTS.println("POSTGRES READY " + server.host() + " " + server.port() + " " + server.user() + " "
                + (server.startedHere() ? "started" : "existing"));
    }

    private static void databases(Options options, boolean create) {
        PostgresServer server = PostgresServer.connect(PostgresServer.Target.fromEnvironment());
        for (String name : options.positional()) {
            if (create) {
                server.createDatabaseIfMissing(name);
                RESULTS.println("DATABASE READY " + name);
            } else {
                server.dropDatabase(name);
                RESULTS.println("DATABASE DROPPED " + name);
            }
        }
    }

    private static void caughtUp(Options options) throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(options.value("--bootstrap", "localhost:9092"))) {
            if (!lag.awaitCaughtUp(Duration.ofSeconds(Long.parseLong(options.value("--timeout-seconds", "300"))), RESULTS)) {
                System.exit(3);
            }
            RESULTS.println("CONSUMERS CAUGHT UP");
        }
    }

    private static void usage() {
        System.err.println("usage: InfraMain kafka [--port 9092] [--data DIR] [--partitions N]\n"
                + "       InfraMain postgres [--port PORT] --data DIR\n"
                + "       InfraMain postgres-stop --data DIR\n"
                + "       InfraMain postgres-data --data DIR\n"
                + "       InfraMain createdb|dropdb NAME...\n"
                + "       InfraMain caught-up [--bootstrap HOST:PORT] [--timeout-seconds N]");
        System.exit(2);
    }

    /** {@code --name value} pairs and plain words, in any order. */
    private record Options(List<String> args) {

        String value(String name, String fallback) {
            int at = args.indexOf(name);
            if (at < 0) {
                return fallback;
            }
            if (at + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(at + 1);
        }

        Path requiredPath(String name) {
            String value = value(name, null);
            if (value == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return Path.of(value);
        }

        List<String> positional() {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).startsWith("--")) {
                    i++;
                } else {
                    words.add(args.get(i));
                }
            }
            return words;
        }
    }
}
