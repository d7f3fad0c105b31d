package cn.gov.partyaffairs.platform.messaging;

import cn.gov.partyaffairs.platform.audit.Actor;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer.Outcome;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The idempotent consumer on the real database: an event is applied at most once per consumer, one older than what
 * was applied of its aggregate is skipped, an unprocessable one leaves no trace, and a passing failure is retried.
 */
@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer consumer;

    private static IncomingEvent event(UUID aggregate, long version) {
        return new IncomingEvent(UUID.randomUUID().toString(), "cn.gov.partyaffairs.test.SomethingHappened.v1",
                "/platform-test", OffsetDateTime.now(), aggregate, version, JsonNodeFactory.instance.objectNode(),
                Actor.service("platform-test"));
    }

    private static String consumerName() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void aRedeliveredEventIsAppliedOncePerConsumer() {
        String name = consumerName();
        AtomicInteger applied = new AtomicInteger();
        IncomingEvent event = event(UUID.randomUUID(), 1);
        assertEquals(Outcome.APPLIED, consumer.apply(name, event, e -> applied.incrementAndGet()));
        assertEquals(Outcome.DUPLICATE, consumer.apply(name, event, e -> applied.incrementAndGet()));
        assertEquals(1, applied.get());
        // Another consumer keeps its own record.
        assertEquals(Outcome.APPLIED, consumer.apply(consumerName(), event, e -> applied.incrementAndGet()));
        assertEquals(2, applied.get());
    }

    @Test
    void anEventOlderThanWhatWasAppliedOfItsAggregateIsSkipped() {
        String name = consumerName();
        UUID aggregate = UUID.randomUUID();
        AtomicInteger applied = new AtomicInteger();
        assertEquals(Outcome.APPLIED, consumer.apply(name, event(aggregate, 2), e -> applied.incrementAndGet()));
        assertEquals(Outcome.STALE, consumer.apply(name, event(aggregate, 1), e -> applied.incrementAndGet()));
        assertEquals(Outcome.STALE, consumer.apply(name, event(aggregate, 2), e -> applied.incrementAndGet()));
        assertEquals(Outcome.APPLIED, consumer.apply(name, event(aggregate, 3), e -> applied.incrementAndGet()));
        assertEquals(2, applied.get());
    }

    @Test
    void anUnprocessableEventIsThrownOnAndLeavesNoRecordBehind() {
        String name = consumerName();
        IncomingEvent event = event(UUID.randomUUID(), 1);
        assertThrows(UnprocessableEventException.class, () -> consumer.apply(name, event, e -> {
            throw new UnprocessableEventException("the body does not fit");
        }));
        // Nothing was recorded with the failed effect: once it can be applied (a fixed consumer), it is.
        assertEquals(Outcome.APPLIED, consumer.apply(name, event, e -> { }));
    }

    @Test
    void aPassingFailureIsRetriedInPlaceUntilTheEffectHolds() {
        String name = consumerName();
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(Outcome.APPLIED, consumer.apply(name, event(UUID.randomUUID(), 1), e -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the database restarts");
            }
        }));
        assertEquals(2, attempts.get());
    }
}
