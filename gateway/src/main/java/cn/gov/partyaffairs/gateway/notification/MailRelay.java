package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.platform.time.PeriodicDetector;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the mail outbox through the SMTP server (Quarkus Mailer), on every replica, and marks each mail sent.
 *
 * <p>What it guarantees: a mail is never lost — it was written with what it tells of and stays pending until the
 * server has accepted it, however long the server is away (retried with a doubling back-off). It is sent once: one
 * replica holds it at a time (a lease well above the send timeout, claimed with {@code SKIP LOCKED}), it is marked
 * sent as soon as the server answered 250, and a refused or failed attempt means the server did not take it. The
 * one gap SMTP leaves is a replica dying (or the connection breaking) between the server's acceptance and our
 * record of it: that mail goes again when the lease runs out, with the same Message-ID, which lets the receiving
 * side recognise the repeat. At most once would be the other choice, and it loses mail; we do not make it.
 */
@ApplicationScoped
public class MailRelay extends PeriodicDetector {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    private final MailOutbox outbox;
    private final ReactiveMailer mailer;
    private final NotificationConfig config;
    private final AtomicLong rounds = new AtomicLong();

    public MailRelay(MailOutbox outbox, ReactiveMailer mailer, NotificationConfig config) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    protected String name() {
        return "mail-relay";
    }

    @Override
    protected Duration interval() {
        return config.mail().pollInterval();
    }

    /** How many rounds have finished: lets a test know the relay had its chances. */
    public long rounds() {
        return rounds.get();
    }

    @Override
    protected int detect() {
        try {
            return config.mail().relay() ? relay() : 0;
        } finally {
            rounds.incrementAndGet();
        }
    }

    /** One round: claims what is due and sends it; returns how many were sent. */
    int relay() {
        UUID token = UUID.randomUUID();
        List<MailOutbox.PendingMail> mails = outbox.claim(token, config.mail().batch());
        int sent = 0;
        for (MailOutbox.PendingMail mail : mails) {
            String error = send(mail);
            if (error == null) {
                if (outbox.sent(mail.id(), token)) {
                    sent++;
                }
            } else {
                Duration wait = outbox.failed(mail.id(), token, mail.attempts() + 1, error);
                LOG.infof("Mail %s to %s not sent, attempt %d: %s; next attempt in %s", mail.messageId(), mail.to(),
                        mail.attempts() + 1, error, wait);
            }
        }
        return sent;
    }

    /** One attempt; null when the server took the mail, otherwise why not. */
    private String send(MailOutbox.PendingMail pending) {
        Mail mail = Mail.withText(pending.to(), pending.subject(), pending.text())
                .addHeader("Message-ID", pending.messageId())
                // RFC 2369 and RFC 8058: mail programs offer "unsubscribe" and may do it with one POST.
                .addHeader("List-Unsubscribe", "<" + pending.unsubscribeUrl() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        try {
            mailer.send(mail).await().atMost(config.mail().timeout());
            return null;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage();
            return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }
}
