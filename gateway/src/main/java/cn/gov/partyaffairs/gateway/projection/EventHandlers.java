package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.contracts.DomainEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One projection's handlers, by the contracts' record class (never by a name, so a renamed or removed record breaks
 * the build rather than falling silently to a default), and the types it knowingly leaves to the event log alone.
 * {@code ProjectionCoverageTest} fails while a type of the contracts that the gateway consumes is in neither.
 *
 * @param <H> the projection's handler
 */
final class EventHandlers<H> {

    private final Map<Class<? extends DomainEvent>, H> handlers = new LinkedHashMap<>();
    private final Set<Class<? extends DomainEvent>> ignored = new LinkedHashSet<>();

    EventHandlers<H> on(Class<? extends DomainEvent> type, H handler) {
        if (handlers.putIfAbsent(type, handler) != null || ignored.contains(type)) {
            throw new IllegalStateException(type.getSimpleName() + " handled twice");
        }
        return this;
    }

    EventHandlers<H> on(Class<? extends DomainEvent> type, Class<? extends DomainEvent> other, H handler) {
        return on(type, handler).on(other, handler);
    }

    /** Types with nothing to project: logged for officials only, as every type this gateway does not know. */
    @SafeVarargs
    final EventHandlers<H> ignore(Class<? extends DomainEvent>... types) {
        for (Class<? extends DomainEvent> type : types) {
            if (handlers.containsKey(type) || !ignored.add(type)) {
                throw new IllegalStateException(type.getSimpleName() + " ignored and handled");
            }
        }
        return this;
    }

    /** The type's handler; null when it has none (ignored, or unknown to this gateway). */
    H get(Class<? extends DomainEvent> type) {
        return handlers.get(type);
    }

    Set<Class<? extends DomainEvent>> handled() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    Set<Class<? extends DomainEvent>> ignored() {
        return Collections.unmodifiableSet(ignored);
    }
}
