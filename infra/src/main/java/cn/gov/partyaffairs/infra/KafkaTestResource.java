package cn.gov.partyaffairs.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker for {@code @QuarkusTest}s, on a free port with auto-created topics (init arg {@code partitions}
 * sets their partition count, default 1); or, when {@code KAFKA_BOOTSTRAP_SERVERS} is set, the cluster it names.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    private int partitions = 1;

    /**
     * The broker this resource started, so a test can {@link KafkaBroker#stop()} it and {@link KafkaBroker#start()}
     * it again on the same port with its data.
     *
     * @throws IllegalStateException when the tests use an external cluster or the resource has not started
     */
    public static KafkaBroker broker() {
        KafkaBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("no embedded Kafka broker: KAFKA_BOOTSTRAP_SERVERS names an external "
                    + "cluster, or KafkaTestResource has not started");
        }
        return running;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", "1"));
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String bootstrap;
        if (external != null && !external.isBlank()) {
            bootstrap = external;
        } else {
            KafkaBroker started = new KafkaBroker().withPartitions(partitions).start(0);
            broker = started;
            bootstrap = started.bootstrapServers();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        KafkaBroker started = broker;
        if (started != null) {
            broker = null;
            started.close();
        }
    }
}
