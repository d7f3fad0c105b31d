package cn.gov.partyaffairs.gateway.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Another department's system asking for the gateway's public events at a URL. Delivery walks {@code event_log} in
 * order from {@link #cursorSeq}; the dispatcher's lease columns are written by {@link WebhookSubscriptionRepository}.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Schema(name = "SubscriptionStatus")
    public enum Status { ACTIVE, PAUSED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String owner;

    @Column(name = "target_url", nullable = false)
    public String targetUrl;

    /** Empty: every type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false)
    public String[] eventTypes;

    @Column(nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "cursor_seq", nullable = false)
    public long cursorSeq;

    @Column(name = "failed_attempts", nullable = false)
    public int failedAttempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(nullable = false)
    public int epoch;

    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "leased_until")
    public OffsetDateTime leasedUntil;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public List<String> types() {
        return List.of(eventTypes);
    }

    /** Whether an event of this type is for this subscription (its audience is checked apart). */
    public boolean wants(String type) {
        return eventTypes.length == 0 || List.of(eventTypes).contains(type);
    }
}
