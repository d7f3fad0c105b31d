package cn.gov.partyaffairs.disclosure.disclosures;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One published content version; corrections add versions and keep the earlier ones. */
@Entity
@Table(name = "disclosure_revision")
@IdClass(DisclosureRevision.Key.class)
public class DisclosureRevision {

    @Id
    @Column(name = "disclosure_id")
    public UUID disclosureId;

    @Id
    @Column(name = "content_version")
    public int contentVersion;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    public String reason;

    @Column(name = "revised_by", nullable = false)
    public String revisedBy;

    @Column(name = "revised_at", nullable = false)
    public OffsetDateTime revisedAt;

    /** The composite key Hibernate needs: (disclosure, content version). */
    public static class Key implements Serializable {
        public UUID disclosureId;
        public int contentVersion;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && contentVersion == key.contentVersion
                    && Objects.equals(disclosureId, key.disclosureId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(disclosureId, contentVersion);
        }
    }
}
