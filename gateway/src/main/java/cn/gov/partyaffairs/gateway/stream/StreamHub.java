package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live fan-out of one gateway replica: the log's tail hands every new event here once, and it goes, as the one
 * frame already written, to each subscriber whose scope may see it — in memory, on the subscriber's own event loop.
 * A subscriber whose connection does not take what it is sent gets a bounded backlog; past that it is closed (its
 * browser comes back after the retry delay with {@code Last-Event-ID} and reads what it missed from the log)
 * instead of holding the others back or filling the gateway's memory. A subscriber that resumes from an earlier
 * event reads the part it missed from the log first; live events that arrive meanwhile wait in the same backlog.
 */
@ApplicationScoped
public class StreamHub {

    static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    private final int backlogLimit;
    /** Subscribers by the event loop that serves their connection: one task per loop and batch, not per subscriber. */
    private final Map<Context, Set<Subscriber>> byLoop = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    /** Held while a batch is handed out and while a subscriber joins, so that none falls between the two. */
    private final Object fanOut = new Object();
    private volatile long position = -1;

    public StreamHub(GatewayConfig config) {
        this.backlogLimit = config.stream().clientBuffer();
    }

    /**
     * Joins a connection to the live events within {@code scope}, on its event loop ({@code context}).
     *
     * @return the position it joined at: the live events after it will come; the caller reads the log from
     * {@code after} up to it and hands that to {@link Subscriber#caughtUp}
     */
    Subscriber join(Context context, HttpServerResponse response, StreamScope scope, Long after) {
        synchronized (fanOut) {
            Subscriber subscriber = new Subscriber(context, response, scope, after == null ? position : after, position,
                    after == null || after >= position);
            byLoop.computeIfAbsent(context, c -> ConcurrentHashMap.newKeySet()).add(subscriber);
            count.incrementAndGet();
            return subscriber;
        }
    }

    void leave(Subscriber subscriber) {
        Set<Subscriber> group = byLoop.get(subscriber.context);
        if (group != null && group.remove(subscriber)) {
            count.decrementAndGet();
        }
    }

    /** Called by the tail alone, in seq order. */
    void publish(List<LoggedEvent> events, long newPosition) {
        synchronized (fanOut) {
            if (!events.isEmpty()) {
                byLoop.forEach((context, group) -> context.runOnContext(nothing -> {
                    for (Subscriber subscriber : group) {
                        for (LoggedEvent event : events) {
                            subscriber.offer(event);
                        }
                    }
                }));
            }
            position = newPosition;
        }
    }

    void keepAlive() {
        byLoop.forEach((context, group) -> context.runOnContext(nothing -> group.forEach(Subscriber::keepAlive)));
    }

    /** Where the tail is; -1 until it has read the log once. */
    long position() {
        return position;
    }

    public int subscribers() {
        return count.get();
    }

    /** One connection; touched only on its own event loop. */
    final class Subscriber {
        private final Context context;
        private final HttpServerResponse response;
        private final StreamScope scope;
        final long joinedAt;
        private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
        private boolean catchingUp;
        private boolean draining;
        private boolean closed;
        private long delivered;

        private Subscriber(Context context, HttpServerResponse response, StreamScope scope, long after, long joinedAt,
                           boolean live) {
            this.context = context;
            this.response = response;
            this.scope = scope;
            this.delivered = after;
            this.joinedAt = joinedAt;
            this.catchingUp = !live;
        }

        void offer(LoggedEvent event) {
            if (event.seq() <= delivered || !event.visibleTo(scope)) {
                return;
            }
            if (catchingUp) {
                pending(event);
            } else {
                delivered = event.seq();
                send(event.frame());
            }
        }

        /** Live events that arrive while it reads the log wait, in order; they are sent once it has caught up. */
        private final ArrayDeque<LoggedEvent> waitingLive = new ArrayDeque<>();

        private void pending(LoggedEvent event) {
            waitingLive.add(event);
            if (waitingLive.size() > backlogLimit) {
                close();
            }
        }

        /** A page of what it missed, from the log (on its event loop). */
        void missed(List<LoggedEvent> events) {
            for (LoggedEvent event : events) {
                if (event.seq() > delivered && event.visibleTo(scope)) {
                    delivered = event.seq();
                    send(event.frame());
                }
            }
        }

        /** Caught up with the log: what waited goes out, and from now on live events go straight out. */
        void caughtUp() {
            catchingUp = false;
            while (!waitingLive.isEmpty()) {
                LoggedEvent event = waitingLive.poll();
                if (event.seq() > delivered) {
                    delivered = event.seq();
                    send(event.frame());
                }
            }
        }

        void keepAlive() {
            if (!catchingUp) {
                send(KEEP_ALIVE);
            }
        }

        void send(Buffer frame) {
            if (closed) {
                return;
            }
            if (draining || response.writeQueueFull()) {
                backlog.add(frame);
                if (backlog.size() > backlogLimit) {
                    close();
                    return;
                }
                if (!draining) {
                    draining = true;
                    response.drainHandler(drained -> drain());
                }
                return;
            }
            response.write(frame);
        }

        private void drain() {
            while (!backlog.isEmpty() && !response.writeQueueFull()) {
                response.write(backlog.poll());
            }
            if (backlog.isEmpty()) {
                draining = false;
            } else {
                response.drainHandler(drained -> drain());
            }
        }

        /** Too slow: the connection is closed; the client reconnects with the last id it has. */
        void close() {
            if (!closed) {
                closed = true;
                backlog.clear();
                waitingLive.clear();
                leave(this);
                response.reset();
            }
        }

        void ended() {
            closed = true;
            leave(this);
        }
    }
}
