package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-Sent Events of what happens, live: {@code /api/v1/public/stream} (public-safe events, anyone) and
 * {@code /api/v1/internal/stream} (the caller's scope; a token, as every internal path). Each event's id is its
 * position in the gateway's event log, so a client that reconnects with {@code Last-Event-ID} (or
 * {@code ?lastEventId=}) — to this replica or any other — gets exactly what it missed; without one it starts with
 * what comes next. Every client is told to come back after {@link #RETRY_MILLIS} when its stream ends (it is ended
 * when it reads too slowly); a comment line every 15 s keeps idle connections open through proxies.
 *
 * <p>Plain Vert.x routes rather than JAX-RS: the frames are written once per event and shared by every connection,
 * and each connection's own write queue says when it is too slow.
 */
@ApplicationScoped
public class StreamRoutes {

    private static final Logger LOG = Logger.getLogger(StreamRoutes.class);
    static final long RETRY_MILLIS = 2000;
    private static final Buffer HELLO = Buffer.buffer("retry: " + RETRY_MILLIS + "\n: connected\n\n");
    private static final int PAGE = 500;

    private final StreamHub hub;
    private final EventLogReader reader;
    private final DataSource database;
    private final Vertx vertx;

    public StreamRoutes(StreamHub hub, EventLogReader reader, DataSource database, Vertx vertx) {
        this.hub = hub;
        this.reader = reader;
        this.database = database;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        router.get("/api/v1/public/stream").handler(rc -> stream(rc, StreamScope.PUBLIC));
        router.get("/api/v1/internal/stream").handler(rc -> {
            SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
            if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
                return;
            }
            stream(rc, StreamScope.of(new Caller(identity, token)));
        });
    }

    private void stream(RoutingContext rc, StreamScope scope) {
        Long after = start(rc.request().getHeader("Last-Event-ID"), rc.request().getParam("lastEventId"));
        HttpServerResponse response = rc.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .putHeader("Cache-Control", "no-cache, no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.write(HELLO);
        Context context = vertx.getOrCreateContext();
        StreamHub.Subscriber subscriber = hub.join(context, response, scope, after);
        response.closeHandler(closed -> subscriber.ended());
        response.exceptionHandler(error -> subscriber.ended());
        if (after != null && after < subscriber.joinedAt) {
            backfill(context, subscriber, scope, after, subscriber.joinedAt);
        }
    }

    /** The seq to resume after, or null to start with what comes next. */
    static Long start(String lastEventId, String resumeFrom) {
        String given = lastEventId != null && !lastEventId.isBlank() ? lastEventId : resumeFrom;
        if (given != null && given.strip().matches("\\d{1,18}")) {
            return Long.parseLong(given.strip());
        }
        return null;
    }

    /** What a resuming client missed, read from the log in pages off the event loop, handed over on it. */
    private void backfill(Context context, StreamHub.Subscriber subscriber, StreamScope scope, long after, long upTo) {
        boolean publicOnly = scope.equals(StreamScope.PUBLIC);
        vertx.executeBlocking(() -> {
            try (Connection connection = database.getConnection()) {
                long cursor = after;
                while (cursor < upTo) {
                    List<LoggedEvent> read = reader.after(connection, cursor, PAGE, publicOnly);
                    List<LoggedEvent> inRange = new ArrayList<>();
                    for (LoggedEvent event : read) {
                        if (event.seq() <= upTo) {
                            inRange.add(event);
                        }
                    }
                    context.runOnContext(nothing -> subscriber.missed(inRange));
                    if (read.size() < PAGE || inRange.size() < read.size()) {
                        break;
                    }
                    cursor = read.get(read.size() - 1).seq();
                }
            }
            return null;
        }, false).onComplete(done -> context.runOnContext(nothing -> {
            if (done.failed()) {
                LOG.warnf("a resuming stream client could not read the log: %s", done.cause().toString());
                subscriber.close();
            } else {
                subscriber.caughtUp();
            }
        }));
    }
}
