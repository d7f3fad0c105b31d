package cn.gov.partyaffairs.contracts.disclosure;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventType;
import cn.gov.partyaffairs.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The county's disclosure catalog (公开目录) as it now stands, whole: its categories and items, each with its scope,
 * timing and default channels. Sent by the disclosure service whenever the catalog it owns differs from the one it
 * last published (the catalog is data set by regulation and shipped with the service), so every reader keeps the
 * same catalog from events. One aggregate, {@link #CATALOG_ID}.
 */
@EventType(value = "cn.gov.partyaffairs.disclosure.CatalogPublished.v1", topic = Topics.DISCLOSURE)
public record CatalogPublished(
        UUID catalogId,
        List<Category> categories,
        int itemCount,
        OffsetDateTime at) implements DomainEvent {

    /** The one catalog of the county. */
    public static final UUID CATALOG_ID =
            UUID.nameUUIDFromBytes("cn.gov.partyaffairs.disclosure.catalog".getBytes(StandardCharsets.UTF_8));

    @Override
    public UUID aggregateId() {
        return catalogId;
    }

    public record Category(String code, String name, List<Item> items) {
    }

    /**
     * @param scope      PUBLIC (to society), PARTY_WIDE (within the party) or PARTY_PART (within a part of it)
     * @param timing     REGULAR (every period of the disclosing organization's cadence) or EVENT (within
     *                   {@code withinDays} of the matter arising)
     * @param channels   the default channel codes
     */
    public record Item(String code, String name, String scope, String timing, Integer withinDays, List<String> channels) {
    }
}
