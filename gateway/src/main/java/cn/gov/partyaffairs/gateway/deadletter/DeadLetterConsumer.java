package cn.gov.partyaffairs.gateway.deadletter;

import cn.gov.partyaffairs.platform.db.DatabaseUnavailable;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every dead-letter topic of the suite ({@code dlq.<service>}, by pattern: a service's topic appears when it parks
 * its first record) into {@code dead_letter}. Its own consumer group; a database that cannot be reached is waited
 * for, never a reason to lose a parked record. The channel never parks anything itself (failure-strategy ignore).
 */
@ApplicationScoped
public class DeadLetterConsumer {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class);

    private final DeadLetters deadLetters;

    public DeadLetterConsumer(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Incoming("dead-letters")
    @Blocking
    public void onDeadLetter(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                deadLetters.keep(record);
                return;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    LOG.errorf(e, "Could not keep the dead letter %s/%d/%d", record.topic(), record.partition(), record.offset());
                    throw e;
                }
                LOG.warnf("Could not keep the dead letter %s/%d/%d (database unreachable); retrying in %d ms",
                        record.topic(), record.partition(), record.offset(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
}
