package cn.gov.partyaffairs.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many Server-Sent-Events clients on one connection each, all asynchronous (ten thousand need no ten thousand
 * threads). Each client reads the stream's frames and notices the ones that carry a marker
 * ({@code <prefix><n>}, e.g. a benchmark organization's code): the time from when marker n was sent to when a
 * client saw it is that frame's latency.
 */
public final class StreamClients implements AutoCloseable {

    private static final int CONNECT_BATCH = 250;

    private final HttpClient client;
    private final String path;
    private final String prefix;
    private final int count;
    private final AtomicLongArray sentAt;
    private final Histogram latencyMicros = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(2), 3);
    /** The same, each marker apart: a miss can be traced to one slow event (a burst ahead of it) or to all. */
    private final Histogram[] latencyMicrosByMarker;
    private final LongAdder frames = new LongAdder();
    private final LongAdder markedFrames = new LongAdder();
    private final AtomicLong failedConnections = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final List<HttpClientResponse> open = new ArrayList<>();

    /**
     * @param markers how many markers may be sent (0 … markers-1)
     */
    public StreamClients(Vertx vertx, LoadDriver.Target target, String path, String prefix, int count, int markers) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(target.host())
                        .setDefaultPort(target.port()).setKeepAlive(true).setIdleTimeout(0).setConnectTimeout(30_000),
                new PoolOptions().setHttp1MaxSize(count).setMaxWaitQueueSize(-1));
        this.path = path;
        this.prefix = prefix;
        this.count = count;
        this.sentAt = new AtomicLongArray(markers);
        this.latencyMicrosByMarker = new Histogram[markers];
        for (int n = 0; n < markers; n++) {
            latencyMicrosByMarker[n] = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(2), 2);
        }
    }

    /** Connects every client, a batch at a time; answers how many are streaming. */
    public int connect() {
        for (int from = 0; from < count; from += CONNECT_BATCH) {
            List<Future<?>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + CONNECT_BATCH); i++) {
                batch.add(connectOne());
            }
            try {
                Future.join(batch).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Counted per client in failedConnections.
            }
        }
        synchronized (open) {
            return open.size();
        }
    }

    private Future<?> connectOne() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                .putHeader("Accept", "text/event-stream");
        return client.request(options).compose(request -> request.send()).onSuccess(response -> {
            if (response.statusCode() != 200) {
                failedConnections.incrementAndGet();
                response.request().connection().close();
                return;
            }
            synchronized (open) {
                open.add(response);
            }
            Reader reader = new Reader();
            response.handler(buffer -> reader.feed(buffer.toString()));
            response.endHandler(end -> dropped.incrementAndGet());
            response.exceptionHandler(error -> dropped.incrementAndGet());
        }).onFailure(error -> failedConnections.incrementAndGet());
    }

    /** Call just before sending what will carry marker {@code n}. */
    public void sending(int n) {
        sentAt.set(n, System.nanoTime());
    }

    /** One client's frame reader: frames end with a blank line; comment lines (keep-alives) count as nothing. */
    private final class Reader {
        private final StringBuilder pending = new StringBuilder();
        /**
         * Markers this client has seen: each (client, marker) counts once, at its first frame. A later frame that
         * names the same organization (another event about it, or a replay after a reconnect) is not a second
         * delivery; counted, it made 10,000 clients "miss" -30,000 frames with a p99 of 10 s.
         */
        private final BitSet seen = new BitSet();

        void feed(String text) {
            long now = System.nanoTime();
            pending.append(text);
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
                String frame = pending.substring(0, end);
                pending.delete(0, end + 2);
                if (frame.startsWith(":")) {
                    continue;
                }
                frames.increment();
                int at = frame.indexOf(prefix);
                if (at >= 0) {
                    int digits = at + prefix.length();
                    int stop = digits;
                    while (stop < frame.length() && Character.isDigit(frame.charAt(stop))) {
                        stop++;
                    }
                    if (stop > digits) {
                        int marker = Integer.parseInt(frame.substring(digits, stop));
                        if (marker < sentAt.length() && sentAt.get(marker) != 0 && !seen.get(marker)) {
                            seen.set(marker);
                            markedFrames.increment();
                            long micros = Math.max(1, (now - sentAt.get(marker)) / 1000);
                            latencyMicros.recordValue(micros);
                            latencyMicrosByMarker[marker].recordValue(micros);
                        }
                    }
                }
            }
        }
    }

    /** What the clients saw of {@code markersSent} markers. */
    public record Seen(int clients, long failedConnections, long dropped, long frames, long expected, long received,
                       Histogram latencyMicros, List<Histogram> latencyMicrosByMarker) {

        /** Each marker's p50 and p99 in milliseconds, in the order they were sent. */
        public List<String> perMarkerMillis() {
            return latencyMicrosByMarker.stream().map(h -> h.getTotalCount() == 0 ? "none"
                    : "%.0f/%.0f".formatted(h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0))
                    .toList();
        }

        public long missed() {
            return expected - received;
        }

        public double shareWithinMillis(double millis) {
            if (expected == 0) {
                return Double.NaN;
            }
            return latencyMicros.getCountBetweenValues(0, (long) (millis * 1000)) / (double) expected;
        }

        public double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    public Seen seen(int markersSent) {
        int clients;
        synchronized (open) {
            clients = open.size();
        }
        return new Seen(clients, failedConnections.get(), dropped.get(), frames.sum(), (long) clients * markersSent,
                markedFrames.sum(), latencyMicros.copy(),
                Arrays.stream(latencyMicrosByMarker).map(Histogram::copy).toList());
    }

    public long frames() {
        return frames.sum();
    }

    @Override
    public void close() {
        client.close();
    }
}
