package cn.gov.partyaffairs.supervision.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A guidance group's responsibility for a unit from {@link #assignedFrom} until {@link #assignedUntil} (the day the
 * next group took over or the designation was withdrawn; null while it lasts). Never deleted: the rows are the unit's
 * history.
 */
@Entity
@Table(name = "group_assignment")
public class GroupAssignment {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(name = "assigned_from", nullable = false)
    public LocalDate assignedFrom;

    @Column(name = "assigned_until")
    public LocalDate assignedUntil;

    public String reason;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
