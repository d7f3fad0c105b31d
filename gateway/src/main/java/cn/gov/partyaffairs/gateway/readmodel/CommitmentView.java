package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A commitment with its progress and the public's ratings, as its events told it. */
@Entity
@Table(name = "commitment_view")
public class CommitmentView {
    @Id
    public UUID id;
    public String kind;
    public String title;
    public String description;
    public String category;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "department_name")
    public String departmentName;
    @Column(name = "organization_code")
    public String organizationCode;
    @Column(name = "organization_name")
    public String organizationName;
    public String responsible;
    @Column(name = "target_quantity")
    public BigDecimal targetQuantity;
    @Column(name = "target_unit")
    public String targetUnit;
    /** JSON array of {title, dueDate, reachedOn}. */
    public String milestones;
    @Column(name = "pledged_on")
    public LocalDate pledgedOn;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String status;
    @Column(name = "progress_percent")
    public Integer progressPercent;
    @Column(name = "fulfilled_on")
    public LocalDate fulfilledOn;
    @Column(name = "on_time")
    public Boolean onTime;
    public String evidence;
    @Column(name = "withdraw_reason")
    public String withdrawReason;
    public int satisfied;
    @Column(name = "basically_satisfied")
    public int basicallySatisfied;
    public int dissatisfied;
    /** Of the evaluations, those of signed-in citizens (one per person); the rest are anonymous. */
    @Column(name = "verified_evaluations")
    public int verifiedEvaluations;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
