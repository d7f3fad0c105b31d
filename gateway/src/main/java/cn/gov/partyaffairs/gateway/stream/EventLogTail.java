package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.search.DisclosureSearch;
import cn.gov.partyaffairs.gateway.readmodel.ReadModelGeneration;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The one reader of the event log in this gateway replica. It sleeps on PostgreSQL's {@code LISTEN event_log},
 * which every replica's projections {@code NOTIFY} when they commit, reads what is new once, and hands it to the
 * live fan-out ({@link StreamHub}), to the commands waiting for their change ({@link AppliedEvents}) and to the
 * public read cache ({@link ReadModelGeneration}). Idle
 * stream clients cost no database work: with nothing new it asks once every {@link #IDLE} as a safety net.
 */
@ApplicationScoped
public class EventLogTail {

    private static final Logger LOG = Logger.getLogger(EventLogTail.class);
    /** The channel {@code Projector} notifies on. */
    public static final String CHANNEL = "event_log";
    /** What a rebuild says on the channel when it commits. */
    public static final String REBUILT = "rebuilt";
    /**
     * Rows of the log become visible in commit order, which is not always seq order. A gap younger than this may
     * still fill; an older one is a rolled-back insert and is passed over.
     */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(5);
    static final Duration IDLE = Duration.ofSeconds(5);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int BATCH = 500;

    private final EventLogReader reader;
    private final StreamHub hub;
    private final AppliedEvents applied;
    private final ReadModelGeneration generation;
    private final DisclosureSearch search;
    private final Clock clock;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private Thread thread;
    /** The newest seq read so far, gap or not: what has been applied by now. */
    private long seen = -1;

    public EventLogTail(EventLogReader reader, StreamHub hub, AppliedEvents applied, ReadModelGeneration generation,
                        DisclosureSearch search, Clock clock,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.reader = reader;
        this.hub = hub;
        this.applied = applied;
        this.generation = generation;
        this.search = search;
        this.clock = clock;
        this.url = url;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "event-log-tail");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        long backoff = 200;
        long cursor = -1;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (cursor < 0) {
                    cursor = reader.head(connection);
                    hub.publish(List.of(), cursor);
                }
                backoff = 200;
                long keepAliveDue = System.nanoTime() + KEEP_ALIVE.toNanos();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    Read read = read(connection, cursor);
                    cursor = read.cursor();
                    if (System.nanoTime() > keepAliveDue) {
                        hub.keepAlive();
                        keepAliveDue = System.nanoTime() + KEEP_ALIVE.toNanos();
                    }
                    if (read.more()) {
                        continue;
                    }
                    // Blocks until a projection commits (any replica), or a gap's turn to be looked at again.
                    var woken = notifications.getNotifications((int) (read.gap() ? 50 : IDLE.toMillis()));
                    if (woken != null) {
                        for (var notification : woken) {
                            if (REBUILT.equals(notification.getParameter())) {
                                generation.advance(); // a rebuild notifies without new rows
                                search.rebuilt();
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("event log tail: %s; trying again in %d ms (stream clients stay connected)", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(10_000, backoff * 2);
                }
            }
        }
    }

    /** @param more a full batch was read; {@code gap} the read stopped at a seq that may still commit */
    private record Read(long cursor, boolean more, boolean gap) {
    }

    private Read read(Connection connection, long cursor) throws SQLException {
        List<LoggedEvent> logged = reader.after(connection, cursor, BATCH, false);
        if (logged.isEmpty()) {
            return new Read(cursor, false, false);
        }
        // Whatever is in the log has been applied: cached reads are out of date, and the commands waiting for it
        // may answer (in that order, so that their callers read the change), gap or not.
        long newest = logged.get(logged.size() - 1).seq();
        if (newest > seen) {
            generation.advance();
            for (LoggedEvent e : logged) {
                if (e.seq() > seen) {
                    applied.applied(e.subject(), e.aggregateVersion());
                }
            }
            seen = newest;
        }
        List<LoggedEvent> ready = new ArrayList<>();
        long expected = cursor + 1;
        long position = cursor;
        OffsetDateTime patienceEnds = OffsetDateTime.now(clock).minus(GAP_PATIENCE);
        boolean gap = false;
        for (LoggedEvent entry : logged) {
            if (entry.seq() != expected && entry.recordedAt().isAfter(patienceEnds)) {
                gap = true; // an earlier seq may still commit: wait for it
                break;
            }
            ready.add(entry);
            position = entry.seq();
            expected = entry.seq() + 1;
        }
        hub.publish(ready, position);
        search.changed(ready.stream().filter(e -> e.type().contains(".disclosure.Disclosure")).map(LoggedEvent::subject)
                .collect(java.util.stream.Collectors.toSet()));
        return new Read(position, !gap && logged.size() == BATCH, gap);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
