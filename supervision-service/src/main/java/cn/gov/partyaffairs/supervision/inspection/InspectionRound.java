package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/** A round of on-site inspection (督查) over the planned units, between two dates (the county ran three). */
@Entity
@Table(name = "inspection_round")
public class InspectionRound extends Aggregate {

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_round_unit", joinColumns = @JoinColumn(name = "round_id"))
    @Column(name = "unit_code")
    public Set<String> unitCodes = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoundStatus status;

    @Column(name = "planned_by", nullable = false)
    public String plannedBy;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
