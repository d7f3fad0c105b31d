package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One progress report: a point on a commitment's public timeline. */
@Entity
@Table(name = "progress_view")
public class ProgressView {
    @Id
    public UUID id;
    @Column(name = "commitment_id")
    public UUID commitmentId;
    public Integer percent;
    public BigDecimal quantity;
    public String note;
    public String reason;
    @Column(name = "milestone_reached")
    public String milestoneReached;
    @Column(name = "reported_on")
    public LocalDate reportedOn;
    public OffsetDateTime at;
}
