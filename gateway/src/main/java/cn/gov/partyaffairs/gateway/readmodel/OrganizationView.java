package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization as the public sees it, kept from the disclosure service's events. */
@Entity
@Table(name = "organization_view")
public class OrganizationView {

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

    @Column(nullable = false)
    public long version;

    /** The catalog items of its content list, comma-separated; null until it settles one. */
    @Column(name = "content_items")
    public String contentItems;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;
}
