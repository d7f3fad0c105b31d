package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.Topics;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import cn.gov.partyaffairs.gateway.notification.NotificationProjection;
import cn.gov.partyaffairs.gateway.stream.EventLogTail;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Applies one event to the read models and appends it to the event log with who may see it. Supervision's events
 * are officials' business only: they are logged for the internal stream and never reach the public side. A public
 * event is logged as the public may read it ({@link PublicRecord}: no official's account name).
 */
@ApplicationScoped
public class Projector {

    private final DisclosureProjection disclosures;
    private final CommitmentProjection commitments;
    private final SupervisionProjection supervision;
    private final AuditTrail audit;
    private final NotificationProjection notifications;
    private final EntityManager em;
    private final Clock clock;

    public Projector(DisclosureProjection disclosures, CommitmentProjection commitments,
                     SupervisionProjection supervision, AuditTrail audit, NotificationProjection notifications,
                     EntityManager em, Clock clock) {
        this.notifications = notifications;
        this.disclosures = disclosures;
        this.commitments = commitments;
        this.supervision = supervision;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** Taken shared by every projecting transaction and exclusively by a rebuild, across all gateway replicas. */
    public static final long READ_MODEL_LOCK = 0x6761746577617931L;

    /** Blocks the live projections of every replica until the caller's transaction ends. */
    public static void lockExclusively(EntityManager em) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, READ_MODEL_LOCK).getSingleResult();
    }

    /**
     * Taken first in every live event's transaction, before the consumer records the event: a rebuild holding the
     * lock exclusively writes those same records at its end, and would otherwise wait for this transaction as it waits
     * for the rebuild (PostgreSQL then aborts one of them, the rebuild seen failing with "deadlock detected").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShared() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?1)").setParameter(1, READ_MODEL_LOCK).getSingleResult();
    }

    /** Applies a live event; the caller's transaction holds {@link #lockShared()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        Visibility visibility = project(event);
        log(event, visibility);
        audit.recordEvent(event, visibility.organizationCode(), visibility.departmentCode());
        // Live events only: a rebuild (reapply) must not notify anyone again.
        notifications.apply(event, visibility.audience());
    }

    /**
     * Applies the event as {@link #apply} does, for a rebuild: the rebuild holds the lock exclusively already, and
     * the event log and the audit trail keep what they had (nothing is logged or streamed again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reapply(IncomingEvent event) {
        project(event);
    }

    private Visibility project(IncomingEvent event) {
        Optional<Class<? extends DomainEvent>> known = EventCatalog.forType(event.type());
        Visibility visibility;
        if (known.isEmpty()) {
            // A type from a newer producer: kept for officials, shown to nobody else until this gateway knows it.
            visibility = Visibility.internal(event.text("organizationCode"));
        } else {
            String topic = DomainEvent.typeOf(known.get()).topic();
            visibility = switch (topic) {
                case Topics.DISCLOSURE -> disclosures.apply(known.get(), event);
                case Topics.COMMITMENT -> commitments.apply(known.get(), event);
                case Topics.SUPERVISION -> supervision.apply(known.get(), event);
                default -> Visibility.internal(event.text("organizationCode"));
            };
        }
        return visibility;
    }

    /**
     * Logged once per event id: a rebuild re-applies events without logging (or streaming) them again. Not
     * {@code ON CONFLICT}: that would use up a seq per skipped event and leave a hole the streams wait at.
     */
    private void log(IncomingEvent event, Visibility visibility) {
        em.createNativeQuery("""
                        INSERT INTO event_log (event_id, type, source, subject, aggregate_version, occurred_at, recorded_at,
                            audience, organization_code, department_code, data)
                        SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11
                        WHERE NOT EXISTS (SELECT 1 FROM event_log WHERE event_id = ?1)""")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, event.source())
                .setParameter(4, event.aggregateId()).setParameter(5, event.aggregateVersion())
                .setParameter(6, event.time()).setParameter(7, OffsetDateTime.now(clock))
                .setParameter(8, visibility.audience().name()).setParameter(9, visibility.organizationCode())
                .setParameter(10, visibility.departmentCode()).setParameter(11, (visibility.audience() == cn.gov.partyaffairs.gateway.EventLogEntry.Audience.PUBLIC
                        ? PublicRecord.of(event.data()) : event.data()).toString())
                .executeUpdate();
        // Delivered when this transaction commits: every replica's stream tail wakes and reads the new row.
        em.createNativeQuery("NOTIFY " + EventLogTail.CHANNEL).executeUpdate();
    }
}
