package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** Whether an organization is a demonstration unit, and the guidance group responsible for it. */
@Entity
@Table(name = "unit_view")
public class UnitView {
    @Id
    @Column(name = "organization_code")
    public String organizationCode;
    public boolean designated;
    @Column(name = "group_code")
    public String groupCode;
    @Column(name = "designated_on")
    public LocalDate designatedOn;
}
