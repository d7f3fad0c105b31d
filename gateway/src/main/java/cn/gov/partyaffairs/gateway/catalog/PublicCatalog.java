package cn.gov.partyaffairs.gateway.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The county's disclosure catalog as the public reads it.
 *
 * @param organizationsWithList how many active organizations have settled a content list of their own
 */
public record PublicCatalog(List<Category> categories, int itemCount, OffsetDateTime publishedAt,
                            int organizationsWithList) {

    @Schema(name = "PublicCatalogCategory")
    public record Category(String code, String name, List<Item> items) {
    }

    /**
     * @param scope         PUBLIC (to society), PARTY_WIDE (within the party), PARTY_PART (within a part of it)
     * @param timing        REGULAR (every period of the disclosing organization's cadence) or EVENT (within
     *                      {@code withinDays} of the matter arising)
     * @param channels      the default channel codes
     * @param organizations how many active organizations disclose it: those with it on their content list
     */
    @Schema(name = "PublicCatalogItem")
    public record Item(String code, String name, String scope, String timing, Integer withinDays,
                       List<String> channels, int organizations) {
    }
}
