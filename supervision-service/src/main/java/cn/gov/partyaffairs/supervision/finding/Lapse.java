package cn.gov.partyaffairs.supervision.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A lapse another service reported: a disclosure period an organization missed, or a practical thing it pledged
 * that fell overdue. Its id is the lapsed obligation's or the commitment's, so it exists once however often the
 * event arrives.
 */
@Entity
@Table(name = "lapse")
public class Lapse {

    public enum Kind { DISCLOSURE, COMMITMENT }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "organization_code", nullable = false)
    public String organizationCode;

    @Column(nullable = false)
    public String description;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "detected_on", nullable = false)
    public LocalDate detectedOn;

    @Column(name = "cured_on")
    public LocalDate curedOn;

    public String cure;

    /** Cured by a disclosure published by the due date after all: the period's cadence was kept. */
    @Column(name = "cured_on_time", nullable = false)
    public boolean curedOnTime;
}
