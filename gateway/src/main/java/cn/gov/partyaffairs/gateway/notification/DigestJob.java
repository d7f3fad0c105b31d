package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The daily digest of the people who chose it: once a county day, from {@code gateway.notifications.digest.hour},
 * one mail listing what was notified since their last digest. Every replica runs it; the account's row lock
 * ({@code SKIP LOCKED}) and its {@code last_digest_on} make it one digest per person and day, and the digest's id
 * (person and day) gives the mail one Message-ID however often it is tried.
 */
@ApplicationScoped
public class DigestJob extends PeriodicDetector {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final EntityManager em;
    private final MailOutbox outbox;
    private final Notifications notifications;
    private final UnsubscribeLinks unsubscribe;
    private final NotificationConfig config;
    private final Clock clock;

    public DigestJob(EntityManager em, MailOutbox outbox, Notifications notifications, UnsubscribeLinks unsubscribe,
                     NotificationConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.notifications = notifications;
        this.unsubscribe = unsubscribe;
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected String name() {
        return "mail-digest";
    }

    @Override
    protected Duration interval() {
        return config.digest().checkInterval();
    }

    @Override
    protected int detect() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return now.getHour() < config.digest().hour() ? 0 : digest(now.toLocalDate());
    }

    /** Writes the day's digest of everyone whose digest is due; returns how many were written. */
    public int digest(LocalDate day) {
        List<?> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT a.subject FROM notify_account a
                        WHERE a.delivery = 'DIGEST' AND a.email IS NOT NULL
                          AND (a.last_digest_on IS NULL OR a.last_digest_on < ?1)
                          AND EXISTS (SELECT 1 FROM notification n WHERE n.recipient = a.subject AND n.digest_due)""")
                .setParameter(1, day).getResultList());
        int written = 0;
        for (Object subject : due) {
            if (QuarkusTransaction.requiringNew().call(() -> digestFor((String) subject, day))) {
                written++;
            }
        }
        return written;
    }

    private boolean digestFor(String subject, LocalDate day) {
        List<?> accounts = em.createNativeQuery("""
                        SELECT display_name, email FROM notify_account
                        WHERE subject = ?1 AND delivery = 'DIGEST' AND email IS NOT NULL
                          AND (last_digest_on IS NULL OR last_digest_on < ?2)
                        FOR UPDATE SKIP LOCKED""")
                .setParameter(1, subject).setParameter(2, day).getResultList();
        if (accounts.isEmpty()) {
            return false; // another replica has it, or it is done
        }
        Object[] account = (Object[]) accounts.get(0);
        List<?> items = em.createNativeQuery("""
                        SELECT title, body, link, occurred_at, id FROM notification WHERE recipient = ?1 AND digest_due
                        ORDER BY occurred_at, id""")
                .setParameter(1, subject).getResultList();
        if (items.isEmpty()) {
            return false;
        }
        String base = base();
        StringBuilder text = new StringBuilder(account[0] == null ? "您好：" : account[0] + "，您好：")
                .append("\n\n以下是").append(day.getMonthValue()).append("月").append(day.getDayOfMonth())
                .append("日汇总的 ").append(items.size()).append(" 条通知：\n");
        int number = 0;
        for (Object row : items) {
            Object[] r = (Object[]) row;
            OffsetDateTime at = Notifications.time(r[3], clock.getZone());
            text.append("\n").append(++number).append(". ").append(r[0]).append("（")
                    .append(TIME.format(at.atZoneSameInstant(clock.getZone()))).append("）\n   ").append(r[1])
                    .append("\n   ").append(base).append(r[2]).append("\n");
        }
        text.append("\n").append(notifications.footer(subject));
        UUID id = UUID.nameUUIDFromBytes(("digest:" + subject + ":" + day).getBytes(StandardCharsets.UTF_8));
        outbox.enqueue(id, subject, (String) account[1],
                "玉屏县党务公开 · " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日通知汇总（" + items.size() + " 条）",
                text.toString(), unsubscribe.url(subject));
        // By id: a notification committed meanwhile is not in this digest and waits for the next.
        for (Object row : items) {
            em.createNativeQuery("UPDATE notification SET digest_due = FALSE WHERE id = ?1")
                    .setParameter(1, ((Object[]) row)[4]).executeUpdate();
        }
        em.createNativeQuery("UPDATE notify_account SET last_digest_on = ?2 WHERE subject = ?1")
                .setParameter(1, subject).setParameter(2, day).executeUpdate();
        return true;
    }

    private String base() {
        return notifications.base();
    }
}
