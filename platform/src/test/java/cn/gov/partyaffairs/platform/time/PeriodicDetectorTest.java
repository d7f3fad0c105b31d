package cn.gov.partyaffairs.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A detector runs its rounds from the application's start until its stop, and none after. */
class PeriodicDetectorTest {

    static class Counting extends PeriodicDetector {
        final AtomicInteger rounds = new AtomicInteger();

        @Override
        protected String name() {
            return "test-detector";
        }

        @Override
        protected Duration interval() {
            return Duration.ofMillis(10);
        }

        @Override
        protected int detect() {
            return rounds.incrementAndGet() % 2;
        }
    }

    @Test
    void runsFromStartToStop() throws InterruptedException {
        Counting detector = new Counting();
        detector.stopDetecting(null); // a stop before the start is harmless
        detector.startDetecting(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (detector.rounds.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(detector.rounds.get() >= 3, "rounds: " + detector.rounds.get());
        detector.stopDetecting(null);
        Thread.sleep(50); // a round under way when stopped may still finish
        int stopped = detector.rounds.get();
        Thread.sleep(100);
        assertEquals(stopped, detector.rounds.get(), "no rounds after the stop");
    }
}
