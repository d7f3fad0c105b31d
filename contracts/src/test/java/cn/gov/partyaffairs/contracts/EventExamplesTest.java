package cn.gov.partyaffairs.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type has an example, the example parses into its record, and the record has no field the example lacks. */
class EventExamplesTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEventTypeHasAnExampleThatRoundTrips() throws Exception {
        Set<String> types = new HashSet<>();
        for (Class<? extends DomainEvent> eventClass : EventCatalog.ALL) {
            EventType type = DomainEvent.typeOf(eventClass);
            assertTrue(types.add(type.value()), "duplicate type " + type.value());
            assertTrue(type.value().matches("cn\\.gov\\.partyaffairs\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+"),
                    "type is named <prefix>.<service>.<PastTense>.v<N>: " + type.value());
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventCatalog.examplePath(eventClass))) {
                assertNotNull(in, "no example for " + type.value());
                JsonNode example = mapper.readTree(in);
                DomainEvent parsed = mapper.treeToValue(example, eventClass);
                assertNotNull(parsed.aggregateId(), "example has no aggregate id: " + type.value());
                JsonNode written = mapper.valueToTree(parsed);
                assertEquals(fieldNames(example), fieldNames(written), "example and record differ: " + type.value());
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
