package cn.gov.partyaffairs.commitment.departments;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A county department whose head commits publicly (one of the county's 82). */
@Entity
@Table(name = "department")
public class Department extends Aggregate {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "head_name")
    public String headName;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
