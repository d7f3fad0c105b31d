package cn.gov.partyaffairs.disclosure.catalog;

import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import cn.gov.partyaffairs.platform.outbox.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Publishes the catalog this service owns as {@link CatalogPublished} whenever it differs from the one last
 * published: at start, after Flyway has brought the catalog to this release's version. The catalog is set by the
 * county's regulation and ships as migrations, so a release that changes it is the only way it changes; readers (the
 * gateway's public catalog) keep it from the event, not from this service's tables. Several replicas starting at once
 * publish it once: the comparison runs under the lock of the one publication row.
 */
@ApplicationScoped
public class CatalogPublisher {

    private static final Logger LOG = Logger.getLogger(CatalogPublisher.class);

    private final EntityManager em;
    private final CatalogRepository catalog;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CatalogPublisher(EntityManager em, CatalogRepository catalog, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        publishIfChanged();
    }

    /** @return whether the catalog was published now (false: readers have it as it stands already) */
    @Transactional
    public boolean publishIfChanged() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT version, digest FROM catalog_publication WHERE id = 1 FOR UPDATE").getSingleResult();
        Catalog catalogAggregate = new Catalog(((Number) row[0]).longValue());
        List<CatalogPublished.Category> categories = categories();
        String digest = digest(categories);
        if (digest.equals(row[1])) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int items = categories.stream().mapToInt(c -> c.items().size()).sum();
        outbox.emit(catalogAggregate, new CatalogPublished(CatalogPublished.CATALOG_ID, categories, items, now));
        em.createNativeQuery("UPDATE catalog_publication SET version = ?1, digest = ?2, published_at = ?3 WHERE id = 1")
                .setParameter(1, catalogAggregate.currentVersion()).setParameter(2, digest).setParameter(3, now).executeUpdate();
        LOG.infof("Catalog published as version %d: %d categories, %d items", catalogAggregate.currentVersion(),
                categories.size(), items);
        return true;
    }

    /**
     * The catalog as the aggregate its events belong to: one, of a constant id. It is not an entity: its version is
     * kept in {@code catalog_publication}'s one row (read and written above, under that row's lock). Its fields are
     * read through a method: Quarkus rewrites outside access to an {@code Aggregate}'s fields only for entities.
     */
    private static final class Catalog extends Aggregate {
        Catalog(long version) {
            this.id = CatalogPublished.CATALOG_ID;
            this.version = version;
        }

        long currentVersion() {
            return version;
        }
    }

    private List<CatalogPublished.Category> categories() {
        List<CatalogItem> items = catalog.items();
        return catalog.categories().stream()
                .map(c -> new CatalogPublished.Category(c.code, c.name, items.stream()
                        .filter(i -> i.categoryCode.equals(c.code))
                        .map(i -> new CatalogPublished.Item(i.code, i.name, i.scope.name(), i.timing, i.withinDays,
                                Arrays.stream(i.channels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()))
                        .toList()))
                .toList();
    }

    private String digest(List<CatalogPublished.Category> categories) {
        try {
            byte[] json = mapper.writeValueAsBytes(categories);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
