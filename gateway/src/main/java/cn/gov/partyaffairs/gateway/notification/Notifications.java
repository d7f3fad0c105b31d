package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.NotificationInbox;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.NotificationItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person's notifications: written once per event and recipient (the id is derived from both, so an event applied
 * again finds its notification there and adds nothing, no mail either), read in the portal or the console, and
 * mailed at once (a mail outbox row in the same transaction) or kept for the daily digest.
 */
@ApplicationScoped
public class Notifications {

    private static final int INBOX_SIZE = 50;

    /** Who gets a notification, as the recipients' query finds them. */
    public record Recipient(String subject, String displayName, String email, Delivery delivery) {
    }

    /** What a notification says; {@code link} is a path of the portal or console. */
    public record Content(String kind, String title, String body, String link) {
    }

    private final EntityManager em;
    private final MailOutbox outbox;
    private final UnsubscribeLinks unsubscribe;
    private final GatewayConfig gateway;
    private final Clock clock;

    public Notifications(EntityManager em, MailOutbox outbox, UnsubscribeLinks unsubscribe, GatewayConfig gateway,
                         Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The notification's id: one per event and recipient, whatever replays the event. */
    public static UUID idOf(String eventId, String recipient) {
        return UUID.nameUUIDFromBytes(("notification:" + eventId + ":" + recipient).getBytes(StandardCharsets.UTF_8));
    }

    /** Notifies one recipient of one event, in the event's transaction; false when it had been notified already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notify(Recipient recipient, String eventId, Content content, OffsetDateTime occurredAt) {
        UUID id = idOf(eventId, recipient.subject());
        boolean digest = recipient.delivery() == Delivery.DIGEST && recipient.email() != null;
        int inserted = em.createNativeQuery("""
                        INSERT INTO notification (id, recipient, event_id, kind, title, body, link, occurred_at,
                            created_at, digest_due)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING""")
                .setParameter(1, id).setParameter(2, recipient.subject()).setParameter(3, eventId)
                .setParameter(4, content.kind()).setParameter(5, clip(content.title(), 300))
                .setParameter(6, clip(content.body(), 2000)).setParameter(7, content.link())
                .setParameter(8, occurredAt).setParameter(9, OffsetDateTime.now(clock)).setParameter(10, digest)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (recipient.delivery() == Delivery.IMMEDIATE && recipient.email() != null) {
            outbox.enqueue(id, recipient.subject(), recipient.email(), content.title(),
                    mailText(recipient, content), unsubscribe.url(recipient.subject()));
        }
        return true;
    }

    /** The mail of one notification, in Chinese: whom it is for, what happened, where to read it, how to stop it. */
    String mailText(Recipient recipient, Content content) {
        String base = base();
        return (recipient.displayName() == null ? "您好：" : recipient.displayName() + "，您好：") + "\n\n"
                + content.title() + "\n" + content.body() + "\n\n"
                + "查看详情：" + base + content.link() + "\n\n"
                + footer(recipient.subject());
    }

    String footer(String subject) {
        return "—— 玉屏县党务公开平台\n"
                + "您收到这封邮件，是因为您在平台上关注了相关内容，或这是您的工作提醒。\n"
                + "管理关注和通知方式（逐条、每日汇总）：" + base() + "/notifications.html\n"
                + "退订邮件（点开即可，无需登录）：" + unsubscribe.url(subject) + "\n";
    }

    String base() {
        String base = gateway.publicUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationInbox inbox(String subject) {
        long unread = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM notification WHERE recipient = ?1 AND read_at IS NULL")
                .setParameter(1, subject).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("""
                        SELECT id, kind, title, body, link, occurred_at, read_at IS NOT NULL FROM notification
                        WHERE recipient = ?1 ORDER BY created_at DESC, id LIMIT ?2""")
                .setParameter(1, subject).setParameter(2, INBOX_SIZE).getResultList();
        List<NotificationItem> items = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            items.add(new NotificationItem((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    time(r[5], clock.getZone()), (Boolean) r[6]));
        }
        return new NotificationInbox(unread, items);
    }

    /** Marks one notification read, or all when {@code id} is null; only the recipient's own. */
    @Transactional
    public int markRead(String subject, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (id == null) {
            return em.createNativeQuery("UPDATE notification SET read_at = ?2 WHERE recipient = ?1 AND read_at IS NULL")
                    .setParameter(1, subject).setParameter(2, now).executeUpdate();
        }
        return em.createNativeQuery(
                        "UPDATE notification SET read_at = ?3 WHERE recipient = ?1 AND id = ?2 AND read_at IS NULL")
                .setParameter(1, subject).setParameter(2, id).setParameter(3, now).executeUpdate();
    }

    /** A timestamptz as the native query returns it (Timestamp, Instant or OffsetDateTime, by driver and version). */
    static OffsetDateTime time(Object value, java.time.ZoneId zone) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atZone(zone).toOffsetDateTime();
        }
        if (value instanceof java.time.Instant i) {
            return i.atZone(zone).toOffsetDateTime();
        }
        return ((OffsetDateTime) value).atZoneSameInstant(zone).toOffsetDateTime();
    }

    static String clip(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
