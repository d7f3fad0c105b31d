package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A disclosure as its events told it; written only by the projection. */
@Entity
@Table(name = "disclosure_view")
public class DisclosureView {
    @Id
    public UUID id;
    @Column(name = "organization_code")
    public String organizationCode;
    public String scope;
    public String status;
    @Column(name = "item_codes")
    public String itemCodes;
    @Column(name = "category_codes")
    public String categoryCodes;
    public String title;
    public String body;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    public String channels;
    @Column(name = "content_version")
    public int contentVersion;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "withdraw_reason")
    public String withdrawReason;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "comment_count")
    public int commentCount;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isWithdrawn() {
        return "WITHDRAWN".equals(status);
    }

    /** What the public may see: published (or withdrawn, with its reason) and public to society. */
    public boolean isPublic() {
        return "PUBLIC".equals(scope) && ("PUBLISHED".equals(status) || "WITHDRAWN".equals(status));
    }
}
