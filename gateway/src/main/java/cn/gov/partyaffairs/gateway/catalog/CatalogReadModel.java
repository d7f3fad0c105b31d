package cn.gov.partyaffairs.gateway.catalog;

import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog the public reads: kept from {@link CatalogPublished} (the disclosure service owns the catalog and
 * publishes it whole whenever it changes), with, for each item, how many active organizations have it on their own
 * content list (from {@code ContentListSettled}, kept in the register's read model).
 */
@ApplicationScoped
public class CatalogReadModel {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public CatalogReadModel(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The whole catalog replaces the one before (stale versions never reach here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(CatalogPublished e) {
        String categories;
        try {
            categories = mapper.writeValueAsString(e.categories());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        em.createNativeQuery("""
                        INSERT INTO catalog_view (id, categories, item_count, published_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (id) DO UPDATE SET categories = excluded.categories, item_count = excluded.item_count,
                            published_at = excluded.published_at""")
                .setParameter(1, e.catalogId()).setParameter(2, categories).setParameter(3, e.itemCount())
                .setParameter(4, e.at()).executeUpdate();
    }

    /** The catalog as the public reads it; empty categories until the disclosure service has published it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicCatalog read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT categories, item_count, published_at FROM catalog_view WHERE id = ?1")
                .setParameter(1, CatalogPublished.CATALOG_ID).getResultList();
        if (rows.isEmpty()) {
            return new PublicCatalog(List.of(), 0, null, 0);
        }
        List<CatalogPublished.Category> categories;
        try {
            categories = mapper.readValue((String) rows.get(0)[0], new TypeReference<>() {
            });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        Map<String, Integer> listing = organizationsListing();
        List<PublicCatalog.Category> result = categories.stream()
                .map(c -> new PublicCatalog.Category(c.code(), c.name(), c.items().stream()
                        .map(i -> new PublicCatalog.Item(i.code(), i.name(), i.scope(), i.timing(), i.withinDays(),
                                i.channels(), listing.getOrDefault(i.code(), 0)))
                        .toList()))
                .toList();
        Number settled = (Number) em.createNativeQuery("""
                SELECT count(*) FROM organization_view WHERE active AND coalesce(content_items, '') <> ''""")
                .getSingleResult();
        return new PublicCatalog(result, ((Number) rows.get(0)[1]).intValue(), toOffset(rows.get(0)[2]),
                settled.intValue());
    }

    private Map<String, Integer> organizationsListing() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT item, count(*) FROM organization_view o, unnest(string_to_array(o.content_items, ',')) AS item
                WHERE o.active AND o.content_items <> '' GROUP BY item""").getResultList();
        Map<String, Integer> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], ((Number) row[1]).intValue());
        }
        return result;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.ofHours(8));
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return null;
    }
}
