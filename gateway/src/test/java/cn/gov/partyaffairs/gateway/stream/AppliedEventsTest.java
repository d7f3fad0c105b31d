package cn.gov.partyaffairs.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class AppliedEventsTest {

    private final AppliedEvents applied = new AppliedEvents();

    @Test
    void aWaiterIsAnsweredWhenItsVersionIsApplied() {
        UUID aggregate = UUID.randomUUID();
        CompletableFuture<Void> waiting = applied.await(aggregate, 2);
        applied.applied(aggregate, 1);
        assertFalse(waiting.isDone(), "version 1 is not the change waited for");
        applied.applied(aggregate, 2);
        assertTrue(waiting.isDone());
    }

    @Test
    void aChangeAppliedBeforeTheWaitBeganIsAnsweredAtOnce() {
        UUID aggregate = UUID.randomUUID();
        applied.applied(aggregate, 3);
        assertTrue(applied.await(aggregate, 2).isDone(), "a later version was applied already");
        assertTrue(applied.await(aggregate, 3).isDone());
        assertFalse(applied.await(aggregate, 4).isDone(), "version 4 is not applied yet");
        assertFalse(applied.await(UUID.randomUUID(), 1).isDone(), "another aggregate's change says nothing of this one");
    }

    @Test
    void theLongestUnheardOfAggregatesAreForgottenFirst() {
        UUID first = UUID.randomUUID();
        applied.applied(first, 1);
        for (int i = 0; i < AppliedEvents.REMEMBERED; i++) {
            applied.applied(UUID.randomUUID(), 1);
        }
        assertFalse(applied.await(first, 1).isDone(), "forgotten: the forwarder asks the database for it");
    }
}
