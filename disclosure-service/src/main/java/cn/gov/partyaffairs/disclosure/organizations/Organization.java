package cn.gov.partyaffairs.disclosure.organizations;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/** A party organization in the county register. */
@Entity
@Table(name = "organization")
public class Organization extends Aggregate {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Organization parent;

    @Column(name = "cadence_months", nullable = false)
    public int cadenceMonths;

    @Column(nullable = false)
    public boolean active;

    /** When its disclosure obligations begin. */
    @Column(name = "disclosing_since", nullable = false)
    public LocalDate disclosingSince;

    /** Its content list: the catalog items it discloses. Empty until settled; then drafts must keep to it. */
    @ElementCollection
    @CollectionTable(name = "organization_item", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "item_code")
    public Set<String> contentList = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
