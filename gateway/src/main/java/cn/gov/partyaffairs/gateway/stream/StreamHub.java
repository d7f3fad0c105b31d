package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.ArrayList;
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

    /**
     * Called by the tail alone, in seq order. Each subscriber gets what it may see of the batch in one write, not one
     * per event (a burst of dozens of events cost a thousand viewers dozens of thousands of writes). With no
     * subscriber (a rebuild, a replica catching up) nothing is joined.
     */
    void publish(List<LoggedEvent> events, long newPosition) {
        synchronized (fanOut) {
            if (!events.isEmpty() && count.get() > 0) {
                Buffer joined = join(events);
                byLoop.forEach((context, group) -> context.runOnContext(nothing -> {
                    for (Subscriber subscriber : group) {
                        subscriber.offer(events, joined);
                    }
                }));
            }
            position = newPosition;
        }
    }

    /** The frames of {@code events} as one buffer (the frame itself for one event). */
    static Buffer join(List<LoggedEvent> events) {
        if (events.size() == 1) {
            return events.get(0).frame();
        }
        Buffer joined = Buffer.buffer(events.stream().mapToInt(event -> event.frame().length()).sum());
        events.forEach(event -> joined.appendBuffer(event.frame()));
        return joined;
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
        private final ArrayDeque<Frames> backlog = new ArrayDeque<>();
        private int backlogFrames;
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

        /** A batch from the tail; {@code joined}: all its frames, sent as they are when this one may see them all. */
        void offer(List<LoggedEvent> events, Buffer joined) {
            List<LoggedEvent> fresh = visibleAfterDelivered(events);
            if (catchingUp) {
                fresh.forEach(this::pending);
            } else if (!fresh.isEmpty()) {
                delivered = fresh.get(fresh.size() - 1).seq();
                send(fresh.size() == events.size() ? joined : join(fresh), fresh.size());
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
            List<LoggedEvent> fresh = visibleAfterDelivered(events);
            if (!fresh.isEmpty()) {
                delivered = fresh.get(fresh.size() - 1).seq();
                send(join(fresh), fresh.size());
            }
        }

        /** Caught up with the log: what waited goes out, and from now on live events go straight out. */
        void caughtUp() {
            catchingUp = false;
            List<LoggedEvent> waited = new ArrayList<>(waitingLive);
            waitingLive.clear();
            missed(waited);
        }

        private List<LoggedEvent> visibleAfterDelivered(List<LoggedEvent> events) {
            List<LoggedEvent> fresh = new ArrayList<>(events.size());
            for (LoggedEvent event : events) {
                if (event.seq() > delivered && event.visibleTo(scope)) {
                    fresh.add(event);
                }
            }
            return fresh;
        }

        void keepAlive() {
            if (!catchingUp) {
                send(KEEP_ALIVE, 1);
            }
        }

        /** {@code frames}: how many frames the buffer holds, which is what the backlog limit counts. */
        void send(Buffer buffer, int frames) {
            if (closed) {
                return;
            }
            if (draining || response.writeQueueFull()) {
                backlog.add(new Frames(buffer, frames));
                backlogFrames += frames;
                if (backlogFrames > backlogLimit) {
                    close();
                    return;
                }
                if (!draining) {
                    draining = true;
                    response.drainHandler(drained -> drain());
                }
                return;
            }
            response.write(buffer);
        }

        private void drain() {
            while (!backlog.isEmpty() && !response.writeQueueFull()) {
                Frames next = backlog.poll();
                backlogFrames -= next.count();
                response.write(next.buffer());
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
                backlogFrames = 0;
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

    private record Frames(Buffer buffer, int count) {
    }
}
