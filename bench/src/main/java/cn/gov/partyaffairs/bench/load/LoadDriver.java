package cn.gov.partyaffairs.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives one {@link Operation} against the suite, in one of two models:
 * <ul>
 *   <li><b>closed</b>: a fixed number of connections, each sending its next request as soon as the last one is
 *   answered — what the server can take (throughput);</li>
 *   <li><b>open</b>: requests arrive at a fixed rate whatever the server does, and each one's latency is counted from
 *   when it was <em>due</em>, not from when it could be sent, so a stalled server cannot hide the requests that
 *   queued behind the stall (coordinated omission; the wrk2 way).</li>
 * </ul>
 * Latencies are recorded in microseconds in an HdrHistogram.
 */
public final class LoadDriver implements AutoCloseable {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(2);
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /** A closed run goes on past its duration, up to {@link #ENOUGH}, until it has this many answers. */
    private static final int MIN_OPERATIONS = 16;
    private static final Duration ENOUGH = Duration.ofMinutes(2);

    private final Vertx vertx;

    public LoadDriver(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Where requests go and whether connections are kept between them. */
    public record Target(String host, int port, boolean keepAlive) {
        public static Target keepAlive(String host, int port) {
            return new Target(host, port, true);
        }

        public Target newConnections() {
            return new Target(host, port, false);
        }
    }

    /** What one run measured. {@code rate} is the arrival rate of an open run, 0 for a closed one. */
    public record Outcome(String name, String model, int connections, double rate, double seconds, long operations,
                          long failures, Map<Integer, Long> statuses, Histogram latencyMicros) {

        public double throughput() {
            return seconds > 0 ? operations / seconds : 0;
        }

        public double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN
                    : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
        }

        /** Operations answered with anything but 2xx, plus those that failed outright. */
        public long unsuccessful() {
            long bad = failures;
            for (var status : statuses.entrySet()) {
                if (status.getKey() / 100 != 2) {
                    bad += status.getValue();
                }
            }
            return bad;
        }

        /** Two runs of one operation as one: answers and time added up, latencies merged ({@code a} may be null). */
        public static Outcome sum(Outcome a, Outcome b) {
            if (a == null) {
                return b;
            }
            Map<Integer, Long> statuses = new TreeMap<>(a.statuses);
            b.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            Histogram latencies = a.latencyMicros.copy();
            latencies.add(b.latencyMicros);
            return new Outcome(a.name, a.model, a.connections, a.rate, a.seconds + b.seconds,
                    a.operations + b.operations, a.failures + b.failures, statuses, latencies);
        }

        public long countSlowerThanMillis(double millis) {
            long micros = (long) (millis * 1000);
            return latencyMicros.getTotalCount() - latencyMicros.getCountBetweenValues(0, micros);
        }
    }

    /** {@code connections} clients, each sending again as soon as it is answered; only {@code duration} counts. */
    public Outcome closed(String name, Target target, Operation operation, int connections, Duration warmup,
                          Duration duration) {
        HttpClient client = client(target, connections);
        try {
            Recording recording = new Recording();
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stopping = new AtomicBoolean(false);
            AtomicLong sequence = new AtomicLong();
            AtomicInteger running = new AtomicInteger(connections);
            Promise<Void> done = Promise.promise();
            for (int i = 0; i < connections; i++) {
                vertx.runOnContext(nothing -> loop(client, operation, sequence, measuring, stopping, recording, running, done));
            }
            sleep(warmup);
            recording.reset();
            measuring.set(true);
            long start = System.nanoTime();
            sleep(duration);
            // A figure needs answers: on a cold or busy machine a slow operation may not finish within a short run.
            long enough = System.nanoTime() + ENOUGH.toNanos();
            while (recording.operations.sum() < MIN_OPERATIONS && System.nanoTime() < enough) {
                sleep(Duration.ofMillis(50));
            }
            measuring.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            stopping.set(true);
            await(done.future(), DRAIN);
            return recording.outcome(name, "closed", connections, 0, seconds);
        } finally {
            client.close();
        }
    }

    private void loop(HttpClient client, Operation operation, AtomicLong sequence, AtomicBoolean measuring,
                      AtomicBoolean stopping, Recording recording, AtomicInteger running, Promise<Void> done) {
        if (stopping.get()) {
            if (running.decrementAndGet() == 0) {
                done.tryComplete();
            }
            return;
        }
        long begun = System.nanoTime();
        boolean counted = measuring.get();
        safely(operation, client, sequence.getAndIncrement()).onComplete(result -> {
            if (counted && measuring.get()) {
                recording.record(begun, result.succeeded() ? result.result() : null);
            }
            loop(client, operation, sequence, measuring, stopping, recording, running, done);
        });
    }

    /**
     * Requests due at {@code rate} per second for {@code warmup + duration}, on up to {@code maxConnections}
     * connections; only those due after the warm-up count, each from the moment it was due.
     */
    public Outcome open(String name, Target target, Operation operation, double rate, int maxConnections,
                        Duration warmup, Duration duration) {
        HttpClient client = client(target, maxConnections);
        try {
            Recording recording = new Recording();
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + duration.toNanos();
            long total = (long) Math.floor((end - start) / 1e9 * rate);
            AtomicLong issued = new AtomicLong();
            AtomicLong outstanding = new AtomicLong();
            Promise<Void> allIssued = Promise.promise();
            long[] timer = new long[1];
            timer[0] = vertx.setPeriodic(1, tick -> {
                long now = System.nanoTime();
                long due = Math.min(total, (long) Math.floor((now - start) / 1e9 * rate));
                while (issued.get() < due) {
                    long index = issued.getAndIncrement();
                    long intended = start + (long) (index * 1e9 / rate);
                    outstanding.incrementAndGet();
                    safely(operation, client, index).onComplete(result -> {
                        if (intended >= measureFrom) {
                            recording.record(intended, result.succeeded() ? result.result() : null);
                        }
                        outstanding.decrementAndGet();
                    });
                }
                if (issued.get() >= total) {
                    vertx.cancelTimer(timer[0]);
                    allIssued.tryComplete();
                }
            });
            await(allIssued.future(), Duration.ofNanos(end - start).plus(DRAIN));
            long drainUntil = System.nanoTime() + DRAIN.toNanos();
            while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
                sleep(Duration.ofMillis(20));
            }
            // Whatever is still unanswered is counted as failed: the run does not wait for it forever.
            recording.failures.add(outstanding.get());
            return recording.outcome(name, "open", maxConnections, rate, duration.toNanos() / 1e9);
        } finally {
            client.close();
        }
    }

    /**
     * Requests due at {@code rate} per second until {@code stop} says so (checked every millisecond), on up to
     * {@code maxConnections} connections, each counted from the moment it was due: for a run whose end is not known
     * when it begins (the chaos campaign's load runs until its schedule of faults is through).
     */
    public Outcome openUntil(String name, Target target, Operation operation, double rate, int maxConnections,
                             java.util.function.BooleanSupplier stop) {
        HttpClient client = client(target, maxConnections);
        try {
            Recording recording = new Recording();
            long start = System.nanoTime();
            AtomicLong issued = new AtomicLong();
            AtomicLong outstanding = new AtomicLong();
            Promise<Void> allIssued = Promise.promise();
            long[] timer = new long[1];
            timer[0] = vertx.setPeriodic(1, tick -> {
                if (stop.getAsBoolean()) {
                    vertx.cancelTimer(timer[0]);
                    allIssued.tryComplete();
                    return;
                }
                long due = (long) Math.floor((System.nanoTime() - start) / 1e9 * rate);
                while (issued.get() < due) {
                    long index = issued.getAndIncrement();
                    long intended = start + (long) (index * 1e9 / rate);
                    outstanding.incrementAndGet();
                    safely(operation, client, index).onComplete(result -> {
                        recording.record(intended, result.succeeded() ? result.result() : null);
                        outstanding.decrementAndGet();
                    });
                }
            });
            await(allIssued.future(), Duration.ofDays(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            long drainUntil = System.nanoTime() + DRAIN.toNanos();
            while (outstanding.get() > 0 && System.nanoTime() < drainUntil) {
                sleep(Duration.ofMillis(20));
            }
            recording.failures.add(outstanding.get());
            return recording.outcome(name, "open", maxConnections, rate, seconds);
        } finally {
            client.close();
        }
    }

    private HttpClient client(Target target, int connections) {
        HttpClientOptions options = new HttpClientOptions().setDefaultHost(target.host()).setDefaultPort(target.port())
                .setKeepAlive(target.keepAlive()).setConnectTimeout(10_000).setIdleTimeout(60)
                .setTryUseCompression(false);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    private static Future<Integer> safely(Operation operation, HttpClient client, long sequence) {
        try {
            return operation.run(client, sequence);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Latencies and answers of one run; thread-safe, since answers arrive on several event loops. */
    private static final class Recording {
        final Histogram latency = new SynchronizedHistogram(HIGHEST_MICROS, 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder failures = new LongAdder();
        final LongAdder operations = new LongAdder();

        void record(long fromNanos, Integer status) {
            long micros = Math.max(1, Math.min(HIGHEST_MICROS, (System.nanoTime() - fromNanos) / 1000));
            latency.recordValue(micros);
            operations.increment();
            if (status == null) {
                failures.increment();
            } else {
                statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        }

        void reset() {
            latency.reset();
            statuses.clear();
            failures.reset();
            operations.reset();
        }

        Outcome outcome(String name, String model, int connections, double rate, double seconds) {
            Map<Integer, Long> counted = new TreeMap<>();
            statuses.forEach((status, count) -> counted.put(status, count.sum()));
            return new Outcome(name, model, connections, rate, seconds, operations.sum() - failures.sum(),
                    failures.sum(), counted, latency.copy());
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Future<T> future, Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the load did not finish in " + timeout, e);
        }
    }

    @Override
    public void close() {
        // The Vert.x instance belongs to the caller.
    }
}
