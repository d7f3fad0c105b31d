package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every event type of the contracts reaches a handler of the gateway's projection for its topic, or is listed there
 * as ignored (logged for officials only): a new or renamed record fails here instead of falling silently through.
 */
class ProjectionCoverageTest {

    /** The projections as the projector dispatches to them; their handlers are only registered, never run, here. */
    private static final Map<String, EventHandlers<?>> BY_TOPIC = Map.of(
            Topics.DISCLOSURE, new DisclosureProjection(null, null, null, null, null, null).handlers(),
            Topics.COMMITMENT, new CommitmentProjection(null, null, null).handlers(),
            Topics.SUPERVISION, new SupervisionProjection(null, null, null).handlers());

    @Test
    void everyTypeOfTheContractsIsHandledOrExplicitlyIgnored() {
        List<String> unhandled = new ArrayList<>();
        for (Class<? extends DomainEvent> type : EventCatalog.ALL) {
            String topic = DomainEvent.typeOf(type).topic();
            EventHandlers<?> handlers = BY_TOPIC.get(topic);
            if (handlers == null) {
                unhandled.add(type.getName() + " (no projection for " + topic + ")");
            } else if (!handlers.handled().contains(type) && !handlers.ignored().contains(type)) {
                unhandled.add(type.getName());
            }
        }
        assertEquals(List.of(), unhandled,
                "handle these in the gateway's projection of their topic, or list them there as ignored");
    }

    @Test
    void aProjectionHandlesOnlyTheTypesOfItsOwnTopicAndOnlyTypesOfTheCatalog() {
        Set<Class<? extends DomainEvent>> catalog = new HashSet<>(EventCatalog.ALL);
        List<String> misplaced = new ArrayList<>();
        BY_TOPIC.forEach((topic, handlers) -> {
            Set<Class<? extends DomainEvent>> types = new HashSet<>(handlers.handled());
            types.addAll(handlers.ignored());
            for (Class<? extends DomainEvent> type : types) {
                if (!topic.equals(DomainEvent.typeOf(type).topic()) || !catalog.contains(type)) {
                    misplaced.add(topic + ": " + type.getName());
                }
            }
        });
        assertEquals(List.of(), misplaced);
    }
}
