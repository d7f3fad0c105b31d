package cn.gov.partyaffairs.gateway.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mail outbox: a mail is written in the transaction of what it tells of (so it exists exactly when that
 * happened), claimed by one relay at a time under a lease, and marked sent once the SMTP server has taken it.
 */
@ApplicationScoped
public class MailOutbox {

    /** A mail to send, as claimed. */
    public record PendingMail(UUID id, String messageId, String to, String subject, String text,
                              String unsubscribeUrl, int attempts) {
    }

    private final EntityManager em;
    private final NotificationConfig config;
    private final Clock clock;

    public MailOutbox(EntityManager em, NotificationConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** The Message-ID of the mail with this id: the same for every attempt, so a receiver can tell a repeat. */
    public String messageId(UUID id) {
        return "<" + id + "@" + config.mail().messageIdDomain() + ">";
    }

    /** Writes one mail in the caller's transaction; nothing when a mail with this id exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(UUID id, String recipient, String to, String subject, String text, String unsubscribeUrl) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return em.createNativeQuery("""
                        INSERT INTO mail_outbox (id, message_id, recipient, to_address, subject, text_body,
                            unsubscribe_url, next_attempt_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT DO NOTHING""")
                .setParameter(1, id).setParameter(2, messageId(id)).setParameter(3, recipient).setParameter(4, to)
                .setParameter(5, Notifications.clip(subject, 300)).setParameter(6, text)
                .setParameter(7, unsubscribeUrl).setParameter(8, now)
                .executeUpdate() > 0;
    }

    /**
     * Claims up to {@code limit} due mails for this replica until the lease runs out. {@code SKIP LOCKED}: replicas
     * claiming at the same moment take different mails; a mail another replica holds is not due until its lease ends.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PendingMail> claim(UUID token, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> due = em.createNativeQuery("""
                        SELECT id FROM mail_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1 AND (leased_until IS NULL OR leased_until < ?1)
                        ORDER BY next_attempt_at, created_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("UPDATE mail_outbox SET lease_token = :token, leased_until = :until WHERE id IN (:ids)")
                .setParameter("token", token).setParameter("until", now.plus(config.mail().lease()))
                .setParameter("ids", due).executeUpdate();
        List<?> rows = em.createNativeQuery("""
                        SELECT id, message_id, to_address, subject, text_body, unsubscribe_url, attempts FROM mail_outbox
                        WHERE id IN (:ids) ORDER BY next_attempt_at, created_at""")
                .setParameter("ids", due).getResultList();
        List<PendingMail> mails = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            mails.add(new PendingMail((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], ((Number) r[6]).intValue()));
        }
        return mails;
    }

    /** Marks the mail sent; false when the lease was no longer this replica's (it was taken after running out). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sent(UUID id, UUID token) {
        return em.createNativeQuery("""
                        UPDATE mail_outbox SET status = 'SENT', sent_at = ?3, attempts = attempts + 1, last_error = NULL,
                            lease_token = NULL, leased_until = NULL
                        WHERE id = ?1 AND lease_token = ?2 AND status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, token).setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate() > 0;
    }

    /** Records a failed attempt and when to try again; returns the wait. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration failed(UUID id, UUID token, int attempts, String error) {
        Duration wait = NotificationConfig.backoff(config.mail(), attempts);
        em.createNativeQuery("""
                        UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?3, next_attempt_at = ?4,
                            lease_token = NULL, leased_until = NULL
                        WHERE id = ?1 AND lease_token = ?2 AND status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, token).setParameter(3, Notifications.clip(error, 500))
                .setParameter(4, OffsetDateTime.now(clock).plus(wait)).executeUpdate();
        return wait;
    }
}
