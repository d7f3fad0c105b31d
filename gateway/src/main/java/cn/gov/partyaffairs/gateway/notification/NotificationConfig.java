package cn.gov.partyaffairs.gateway.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Follows, notifications and their e-mail (notification/). The SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "gateway.notifications")
public interface NotificationConfig {

    Mail mail();

    Digest digest();

    /**
     * The key the unsubscribe links are signed with (HMAC-SHA256): whoever knows it can unsubscribe anyone, so
     * production sets its own ({@code GATEWAY_UNSUBSCRIBE_SECRET}).
     */
    String unsubscribeSecret();

    interface Mail {
        /** Whether this replica sends the mail outbox (every replica may; a lease keeps two off one mail). */
        @WithDefault("true")
        boolean relay();

        /** How often the relay looks for mail that is due. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Mails claimed in one round. */
        @WithDefault("20")
        int batch();

        /** How long one mail may take at the SMTP server before the attempt counts as failed. */
        @WithDefault("30s")
        Duration timeout();

        /**
         * How long a replica holds a mail it sends. Well above {@link #timeout()}: another replica takes the mail
         * only after it ran out, so that a slow server never gets the same mail from two replicas.
         */
        @WithDefault("5m")
        Duration lease();

        /** The wait after the first failed attempt, doubling up to {@link #backoffMax()}, until the server takes it. */
        @WithDefault("2s")
        Duration backoffInitial();

        @WithDefault("10m")
        Duration backoffMax();

        /** The right-hand side of the Message-IDs (the portal's domain). */
        @WithDefault("dwgk.yuping.local")
        String messageIdDomain();
    }

    interface Digest {
        /** How often the digest job looks for accounts whose daily digest is due. */
        @WithDefault("5m")
        Duration checkInterval();

        /** From which hour of the county's day the day's digest goes (0–23). */
        @WithDefault("8")
        int hour();
    }

    /** The wait after the {@code attempts}-th failure in a row: initial × 2^(attempts−1), at most max. */
    static Duration backoff(Mail mail, int attempts) {
        long wait = mail.backoffInitial().toMillis();
        long max = mail.backoffMax().toMillis();
        for (int i = 1; i < Math.min(attempts, 40) && wait < max; i++) {
            wait *= 2;
        }
        return Duration.ofMillis(Math.min(wait, max));
    }
}
