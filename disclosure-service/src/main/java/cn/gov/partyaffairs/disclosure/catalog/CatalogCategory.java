package cn.gov.partyaffairs.disclosure.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the catalog's nine categories. */
@Entity
@Table(name = "catalog_category")
public class CatalogCategory {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
