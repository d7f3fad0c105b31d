package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.Topics;
import cn.gov.partyaffairs.gateway.audit.AuditTrail;
import cn.gov.partyaffairs.gateway.notification.NotificationProjection;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
    private final EventLog eventLog;
    private final NotificationProjection notifications;
    private final EntityManager em;

    public Projector(DisclosureProjection disclosures, CommitmentProjection commitments,
                     SupervisionProjection supervision, AuditTrail audit, EventLog eventLog,
                     NotificationProjection notifications, EntityManager em) {
        this.notifications = notifications;
        this.disclosures = disclosures;
        this.commitments = commitments;
        this.supervision = supervision;
        this.audit = audit;
        this.eventLog = eventLog;
        this.em = em;
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
        eventLog.append(event, visibility);
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
}
