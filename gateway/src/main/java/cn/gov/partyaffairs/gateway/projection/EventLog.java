package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.EventLogEntry.Audience;
import cn.gov.partyaffairs.gateway.stream.EventLogTail;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The one writer of {@code event_log}, the ordered log of applied events with their audience that the streams and
 * the webhooks read ({@code stream/EventLogReader}, {@link cn.gov.partyaffairs.gateway.EventLogEntry}).
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager em;
    private final Clock clock;

    public EventLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Logged once per event id: a rebuild re-applies events without logging (or streaming) them again. Not
     * {@code ON CONFLICT}: that would use up a seq per skipped event and leave a hole the streams wait at. A public
     * event is logged as the public may read it ({@link PublicRecord}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(IncomingEvent event, Visibility visibility) {
        em.createNativeQuery("""
                        INSERT INTO event_log (event_id, type, source, subject, aggregate_version, occurred_at, recorded_at,
                            audience, organization_code, department_code, data)
                        SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11
                        WHERE NOT EXISTS (SELECT 1 FROM event_log WHERE event_id = ?1)""")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, event.source())
                .setParameter(4, event.aggregateId()).setParameter(5, event.aggregateVersion())
                .setParameter(6, event.time()).setParameter(7, OffsetDateTime.now(clock))
                .setParameter(8, visibility.audience().name()).setParameter(9, visibility.organizationCode())
                .setParameter(10, visibility.departmentCode()).setParameter(11, (visibility.audience() == Audience.PUBLIC
                        ? PublicRecord.of(event.data()) : event.data()).toString())
                .executeUpdate();
        // Delivered when this transaction commits: every replica's stream tail wakes and reads the new row.
        em.createNativeQuery("NOTIFY " + EventLogTail.CHANNEL).executeUpdate();
    }

    /**
     * A withdrawn disclosure's content leaves the public streams and webhooks, replays included: the events that
     * carried its body (publication, corrections) stay in the log for officials only. The withdrawal itself stays
     * public: it says the disclosure existed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawFromPublic(UUID disclosureId) {
        em.createNativeQuery("""
                        UPDATE event_log SET audience = 'INTERNAL'
                        WHERE subject = ?1 AND audience = 'PUBLIC' AND type NOT LIKE '%.DisclosureWithdrawn.v%'""")
                .setParameter(1, disclosureId).executeUpdate();
    }
}
