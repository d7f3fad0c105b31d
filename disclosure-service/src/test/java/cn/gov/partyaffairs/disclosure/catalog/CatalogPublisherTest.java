package cn.gov.partyaffairs.disclosure.catalog;

import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.infra.EventProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog travels as an event: published whole at start when it differs from the one last published, once
 * however many replicas start together, and not again while it stays the same.
 */
@QuarkusTest
class CatalogPublisherTest {

    @Inject
    CatalogPublisher publisher;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    private long version() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT version FROM catalog_publication WHERE id = 1").getSingleResult()).longValue());
    }

    @Test
    void theCatalogIsPublishedWholeOnceAndAgainOnlyWhenItDiffers() throws Exception {
        // Published when the service started; unchanged since, so nothing more goes out.
        long version = version();
        assertTrue(version >= 1, "published at start");
        assertFalse(publisher.publishIfChanged());
        assertEquals(version, version());

        // A release whose catalog differs from the one last published (here: the record of it says otherwise),
        // started as four replicas at once: published once more, as the next version.
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE catalog_publication SET digest = 'an earlier release'").executeUpdate());
        List<CompletableFuture<Boolean>> starts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(publisher::publishIfChanged)).toList();
        assertEquals(1, starts.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count());
        assertEquals(version + 1, version());

        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey("disclosure.events",
                CatalogPublished.CATALOG_ID.toString(), (int) version + 1);
        assertEquals(version + 1, records.size());
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        assertEquals("cn.gov.partyaffairs.disclosure.CatalogPublished.v1", EventProbe.header(last, "ce_type"));
        assertEquals(String.valueOf(version + 1), EventProbe.header(last, "ce_aggregateversion"));
        JsonNode catalog = mapper.readTree(last.value());
        assertEquals(9, catalog.get("categories").size());
        assertEquals(57, catalog.get("itemCount").asInt());
        JsonNode first = catalog.get("categories").get(0).get("items").get(0);
        assertEquals("C1-01", first.get("code").asText());
        assertEquals("PUBLIC", first.get("scope").asText());
        assertEquals("REGULAR", first.get("timing").asText());
        assertEquals(List.of("disclosure-board", "county-website", "new-media"),
                mapper.convertValue(first.get("channels"), List.class));
        // What it publishes parses as the contract's record.
        CatalogPublished parsed = mapper.treeToValue(catalog, CatalogPublished.class);
        assertEquals(CatalogPublished.CATALOG_ID, parsed.catalogId());
        assertEquals(57, parsed.categories().stream().mapToInt(c -> c.items().size()).sum());
    }
}
