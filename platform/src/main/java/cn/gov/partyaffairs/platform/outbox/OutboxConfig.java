package cn.gov.partyaffairs.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** Off in a service that writes no events (the gateway). */
    @WithDefault("true")
    boolean enabled();

    /** This service's name, sent as the CloudEvents {@code source}. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** How often the relay looks for pending rows when no commit woke it (other replicas' writes, retries). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How many rows one relay transaction sends at most. */
    @WithDefault("200")
    int batchSize();

    /** How long to wait between attempts while Kafka does not answer. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long one send may take before the batch is rolled back and retried. */
    @WithDefault("10s")
    Duration sendTimeout();
}
