package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event log as a live stream, from a position on. Every gateway replica reads the one shared log, so every
 * replica streams every event and a client may resume on any of them with the last seq it saw.
 */
@ApplicationScoped
public class EventStream {

    /**
     * Rows of the log become visible in commit order, which is not always seq order. A gap younger than this may
     * still fill; an older one is a rolled-back insert and is passed over.
     */
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final GatewayConfig config;
    private final Clock clock;

    public EventStream(EntityManager em, GatewayConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** The newest seq in the log: where a client without a Last-Event-ID starts. */
    public long head() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select coalesce(max(e.seq), 0) from EventLogEntry e", Long.class).getSingleResult());
    }

    /** The events after {@code after} within the scope, in order, as they arrive. */
    public Multi<EventLogEntry> after(long after, StreamScope scope) {
        AtomicLong cursor = new AtomicLong(after);
        return Multi.createFrom().ticks().every(config.streamPollInterval())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> next(cursor, scope));
    }

    private List<EventLogEntry> next(AtomicLong cursor, StreamScope scope) {
        List<EventLogEntry> logged = QuarkusTransaction.requiringNew().call(() -> {
            TypedQuery<EventLogEntry> query = em.createQuery(
                    "from EventLogEntry e where e.seq > :after order by e.seq", EventLogEntry.class);
            return query.setParameter("after", cursor.get()).setMaxResults(BATCH).getResultList();
        });
        List<EventLogEntry> visible = new ArrayList<>();
        long expected = cursor.get() + 1;
        OffsetDateTime patienceEnds = OffsetDateTime.now(clock).minus(GAP_PATIENCE);
        for (EventLogEntry entry : logged) {
            if (entry.seq != expected && entry.recordedAt.isAfter(patienceEnds)) {
                break; // an earlier seq may still commit: wait for it
            }
            cursor.set(entry.seq);
            expected = entry.seq + 1;
            if (visibleTo(entry, scope)) {
                visible.add(entry);
            }
        }
        return visible;
    }

    static boolean visibleTo(EventLogEntry entry, StreamScope scope) {
        if (scope.everything() || entry.audience == EventLogEntry.Audience.PUBLIC) {
            return true;
        }
        return scope.organizationCode() != null && scope.organizationCode().equals(entry.organizationCode)
                || scope.departmentCode() != null && scope.departmentCode().equals(entry.departmentCode)
                || scope.supervision() && "supervision-service".equals(entry.source);
    }
}
