package cn.gov.partyaffairs.gateway.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One attempt to deliver one event to one subscription: the delivery log. Written by the dispatcher only. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public int attempt;

    /** Null when the receiver did not answer. */
    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** Null once delivered. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
