package cn.gov.partyaffairs.platform.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A batch of the relay never holds two versions of one aggregate, so a later one can never overtake an earlier. */
class OutboxBatchTest {

    private static OutboxEvent row(long seq, UUID aggregate, long version) {
        OutboxEvent row = new OutboxEvent();
        row.seq = seq;
        row.aggregateId = aggregate;
        row.aggregateVersion = version;
        return row;
    }

    @Test
    void theOldestPendingVersionOfEachAggregateInCommitOrder() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<OutboxEvent> pending = List.of(row(1, a, 3), row(2, b, 1), row(3, a, 4), row(4, a, 5), row(5, b, 2));
        List<OutboxEvent> batch = OutboxRelay.firstOfEachAggregate(pending);
        assertEquals(List.of(1L, 2L), batch.stream().map(r -> r.seq).toList(), "a's v4 and v5, b's v2 wait for the next batch");
    }
}
