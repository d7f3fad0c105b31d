package cn.gov.partyaffairs.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One applied event, in application order: what the live streams and webhooks serve. */
@Entity
@Table(name = "event_log")
public class EventLogEntry {

    public enum Audience { PUBLIC, INTERNAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public UUID subject;

    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(name = "organization_code")
    public String organizationCode;

    @Column(name = "department_code")
    public String departmentCode;

    /** The event's JSON body. */
    @Column(nullable = false)
    public String data;
}
