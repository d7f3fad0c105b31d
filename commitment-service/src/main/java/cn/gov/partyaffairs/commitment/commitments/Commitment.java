package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A public commitment: a department head's service commitment ({@link #departmentCode}) or a party organization's
 * practical thing for the people ({@link #organizationCode}).
 */
@Entity
@Table(name = "commitment")
public class Commitment extends Aggregate {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentKind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    public String category;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "organization_code")
    public String organizationCode;

    @Column(nullable = false)
    public String responsible;

    @Column(name = "target_quantity")
    public BigDecimal targetQuantity;

    @Column(name = "target_unit")
    public String targetUnit;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "commitment_milestone", joinColumns = @JoinColumn(name = "commitment_id"))
    @OrderColumn(name = "position")
    public List<Milestone> milestones = new ArrayList<>();

    @Column(name = "pledged_on", nullable = false)
    public LocalDate pledgedOn;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommitmentStatus status;

    /** The latest reported percentage, or derived from the quantity when a target exists; 100 once fulfilled. */
    @Column(name = "progress_percent")
    public Integer progressPercent;

    @Column(name = "progress_quantity")
    public BigDecimal progressQuantity;

    @Column(name = "fulfilled_on")
    public LocalDate fulfilledOn;

    @Column(name = "on_time")
    public Boolean onTime;

    public String evidence;

    @Column(name = "withdraw_reason")
    public String withdrawReason;

    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    @Column(name = "pledged_by", nullable = false)
    public String pledgedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
