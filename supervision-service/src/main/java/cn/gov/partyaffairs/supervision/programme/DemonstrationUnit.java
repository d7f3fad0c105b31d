package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * A demonstration unit (示范单位): an organization of the register the programme watches, with its set-up tasks. Its
 * responsible group is in {@link GroupAssignment}; its version counts the events of the unit, assignments and tasks
 * included.
 */
@Entity
@Table(name = "demonstration_unit")
public class DemonstrationUnit extends Aggregate {

    @Column(name = "organization_code", nullable = false, unique = true)
    public String organizationCode;

    @Column(name = "organization_name", nullable = false)
    public String organizationName;

    @Column(name = "organization_type", nullable = false)
    public String organizationType;

    @Column(name = "cadence_months", nullable = false)
    public int cadenceMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitStatus status;

    @Column(name = "designated_on", nullable = false)
    public LocalDate designatedOn;

    @Column(name = "designated_by", nullable = false)
    public String designatedBy;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guidance_task", joinColumns = @JoinColumn(name = "unit_id"))
    @MapKeyColumn(name = "kind")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<GuidanceTaskKind, GuidanceTask> tasks = new EnumMap<>(GuidanceTaskKind.class);

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
