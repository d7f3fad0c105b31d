package cn.gov.partyaffairs.disclosure.disclosures;

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

/** One workflow step: who did what, when, and why. */
@Entity
@Table(name = "disclosure_step")
public class DisclosureStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "disclosure_id", nullable = false)
    public UUID disclosureId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false)
    public DisclosureStatus statusAfter;

    @Column(nullable = false)
    public String actor;

    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;
}
