package cn.gov.partyaffairs.disclosure.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item of the county catalog: what is disclosed, to whom, when and how. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem {

    @Id
    public String code;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    /** REGULAR: every period of the organization's cadence; EVENT: within {@link #withinDays} of the matter. */
    @Column(nullable = false)
    public String timing;

    @Column(name = "within_days")
    public Integer withinDays;

    /** Default channels, comma-separated codes. */
    @Column(nullable = false)
    public String channels;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
