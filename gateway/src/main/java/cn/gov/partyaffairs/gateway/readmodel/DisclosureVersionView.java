package cn.gov.partyaffairs.gateway.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One published content version of a disclosure; a correction adds one with its reason. */
@Entity
@Table(name = "disclosure_version_view")
@IdClass(DisclosureVersionView.Key.class)
public class DisclosureVersionView {

    public record Key(UUID disclosureId, int contentVersion) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "disclosure_id")
    public UUID disclosureId;
    @Id
    @Column(name = "content_version")
    public int contentVersion;
    public String title;
    public String body;
    public String reason;
    public OffsetDateTime at;
}
