package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One cell of the compliance matrix: an organization's period as the cadence engine decided it. */
@Entity
@Table(name = "compliance_view")
@IdClass(ComplianceView.Key.class)
public class ComplianceView {

    public record Key(String organizationCode, LocalDate periodStart) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "organization_code")
    public String organizationCode;
    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "organization_type")
    public String organizationType;
    public String state;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public boolean due;
    @Column(name = "exemption_reason")
    public String exemptionReason;
    /** ENGINE, or LEGACY for a cell recorded before the engine published its outcomes. */
    public String source;
}
