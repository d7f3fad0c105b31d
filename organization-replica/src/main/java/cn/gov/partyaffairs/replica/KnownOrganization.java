package cn.gov.partyaffairs.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * An organization as this service knows it from the disclosure service's events. It lets a service check and name organizations without calling the disclosure service or reading its tables.
 */
@Entity
@Table(name = "known_organization")
public class KnownOrganization {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "cadence_months", nullable = false)
    public int cadenceMonths;

    @Column(nullable = false)
    public boolean active;
}
