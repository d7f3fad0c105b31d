package cn.gov.partyaffairs.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft Kafka broker running inside this JVM, listening on 127.0.0.1.
 * <p>
 * Its logs live in a data directory that survives {@link #stop()}, so {@link #restart()} brings the same broker back on
 * the same port with every topic, record and committed offset it had. A broker built with {@link #KafkaBroker()} uses
 * a temporary directory that {@link #close()} deletes; one built with {@link #KafkaBroker(Path)} never deletes its data,
 * and a later broker started on the same directory (even in another JVM) carries on from it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final boolean temporaryData;
    private int partitions = 1;
    private EmbeddedKafkaBroker broker;
    private int port;

    /** A broker whose data lives in a new temporary directory, deleted by {@link #close()}. */
    public KafkaBroker() {
        this(createTempDir(), true);
    }

    /** A broker whose data lives in (and is kept in) {@code dataDir}, reusing what a previous run left there. */
    public KafkaBroker(Path dataDir) {
        this(dataDir, false);
    }

    private KafkaBroker(Path dataDir, boolean temporaryData) {
        this.dataDir = dataDir.toAbsolutePath();
        this.temporaryData = temporaryData;
    }

    /** Partitions of auto-created topics (default 1); takes effect at the next start. */
    public synchronized KafkaBroker withPartitions(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        this.partitions = partitions;
        return this;
    }

    /** Starts the broker on {@code port}, or on a free random port when {@code port} is 0; returns when it serves. */
    public synchronized KafkaBroker start(int port) {
        if (isRunning()) {
            throw new IllegalStateException("Kafka is already running on " + bootstrapServers());
        }
        int kafkaPort = port == 0 ? Os.freePort() : port;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int topicPartitions = partitions;
        EmbeddedKafkaBroker embedded = new EmbeddedKafkaBroker()
                .withKafkaHost(HOST)
                .withKafkaPort(kafkaPort)
                // Chosen here: left to the companion, it was now and then the very port just chosen for the broker
                // (the kernel reuses a freed ephemeral port), and Kafka refused two listeners on one port.
                .withControllerPort(Os.freePortOtherThan(kafkaPort))
                .withClusterId(existingClusterId())
                // The companion deletes its log dirs on close by default; ours must survive a stop.
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", dataDir.toString());
                    props.put("auto.create.topics.enable", "true");
                    props.put("num.partitions", Integer.toString(topicPartitions));
                    // The companion turns this off; without it the restarted broker cannot register until the old
                    // registration's session times out (about 10 s instead of under 1 s).
                    props.put("controlled.shutdown.enable", "true");
                    // After a kill -9 there was no controlled shutdown: the restarted node's controller still holds
                    // its old registration, and refuses the new one until that session times out (9 s by default),
                    // so no partition had a leader for 9 s. Shorter sessions: only this node heartbeats, locally.
                    props.put("broker.heartbeat.interval.ms", "500");
                    props.put("broker.session.timeout.ms", "1500");
                });
        embedded.start();
        this.broker = embedded;
        this.port = kafkaPort;
        return this;
    }

    /** Starts the broker again on the port it had (a free random port the first time), with the same data. */
    public synchronized KafkaBroker start() {
        return start(port);
    }

    /** Stops the broker and starts it again on the same port with the same data. */
    public synchronized KafkaBroker restart() {
        stop();
        return start();
    }

    /**
     * Stops the broker and keeps its data; does nothing if it is stopped. Like a real broker on SIGTERM it shuts down
     * in a controlled way, handing its partitions' leadership away, so until it is back a producer's {@code send()}
     * waits for a leader (up to {@code max.block.ms}) rather than failing at once.
     */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Stops the broker and, for a temporary broker, deletes its data. */
    @Override
    public synchronized void close() {
        stop();
        if (temporaryData) {
            Os.deleteRecursively(dataDir);
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    /** {@code 127.0.0.1:port}; still answers after {@link #stop()} so clients can be pointed at the coming restart. */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("Kafka was never started");
        }
        return HOST + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A directory formatted by an earlier run keeps its cluster id; the formatter leaves such a directory alone. */
    private String existingClusterId() {
        Path meta = dataDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = props.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("party-affairs-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
