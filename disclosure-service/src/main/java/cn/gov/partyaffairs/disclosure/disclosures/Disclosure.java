package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.disclosure.catalog.Scope;
import cn.gov.partyaffairs.disclosure.organizations.Organization;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One disclosure of one organization for one period, through its workflow. */
@Entity
@Table(name = "disclosure")
public class Disclosure extends Aggregate {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "disclosure_item", joinColumns = @JoinColumn(name = "disclosure_id"))
    @Column(name = "item_code")
    public Set<String> itemCodes = new TreeSet<>();

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Scope scope;

    @Column(name = "planned_channels", nullable = false)
    public String plannedChannels;

    @Column(name = "planned_publication_at", nullable = false)
    public OffsetDateTime plannedPublicationAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DisclosureStatus status;

    /** Set when the competent organization passed the approval up to the county office. */
    @Column(nullable = false)
    public boolean escalated;

    @Column(name = "published_channels")
    public String publishedChannels;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** The published content's version: 1 when published, one more per correction. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public List<String> plannedChannelList() {
        return split(plannedChannels);
    }

    public List<String> publishedChannelList() {
        return split(publishedChannels);
    }

    static List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
    }
}
