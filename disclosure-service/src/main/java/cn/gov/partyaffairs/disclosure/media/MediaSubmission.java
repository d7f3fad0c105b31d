package cn.gov.partyaffairs.disclosure.media;

import cn.gov.partyaffairs.disclosure.config.DisclosureConfig.OutletLevel;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A piece an organization submitted to an outside outlet, and whether the outlet adopted it. */
@Entity
@Table(name = "media_submission")
public class MediaSubmission extends Aggregate {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String outlet;

    /** The level at the time of submission, so statistics stay true if the outlet list changes. */
    @Enumerated(EnumType.STRING)
    @Column(name = "outlet_level", nullable = false)
    public OutletLevel outletLevel;

    @Column(name = "submitted_on", nullable = false)
    public LocalDate submittedOn;

    @Column(name = "adopted_on")
    public LocalDate adoptedOn;

    public String placement;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
