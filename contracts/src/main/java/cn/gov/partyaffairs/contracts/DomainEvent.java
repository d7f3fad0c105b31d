package cn.gov.partyaffairs.contracts;

import java.util.UUID;

/** An event record. Its {@link EventType} annotation names its type and topic. */
public interface DomainEvent {

    /** The aggregate the event belongs to: the Kafka record key and the CloudEvents subject. */
    UUID aggregateId();

    static EventType typeOf(Class<? extends DomainEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventType");
        }
        return type;
    }
}
