package cn.gov.partyaffairs.platform.aggregate;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * An entity whose changes travel as events: its id is the events' aggregate id (their Kafka key) and its version
 * counts the events it has emitted. Change the version only through {@link
 * cn.gov.partyaffairs.platform.outbox.Outbox#emit(Aggregate, cn.gov.partyaffairs.contracts.DomainEvent)}, which
 * bumps it and appends the event in the same transaction; a new aggregate starts at 0 and its first event is
 * version 1.
 */
@MappedSuperclass
public abstract class Aggregate {

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;
}
