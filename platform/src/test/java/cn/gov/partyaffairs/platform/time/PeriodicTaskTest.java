package cn.gov.partyaffairs.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A round that fails (the database away) does not end the task: the next round runs. */
class PeriodicTaskTest {

    @Test
    void aFailedRoundIsFollowedByTheNext() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        try (PeriodicTask ignored = PeriodicTask.start("test-task", Duration.ofMillis(10), () -> {
            if (rounds.incrementAndGet() <= 3) {
                throw new IllegalStateException("database unreachable");
            }
            return 0;
        })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (rounds.get() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(rounds.get() >= 5, "rounds after three failures: " + rounds.get());
        }
    }
}
