package cn.gov.partyaffairs.gateway.messaging;

import cn.gov.partyaffairs.gateway.projection.Projector;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three services' topics into the gateway's read models, each event applied exactly once and stale aggregate
 * versions ignored. The gateway replicas share one consumer group: each event is applied by one of them, to the
 * one database they all read.
 */
@ApplicationScoped
public class EventsConsumer {

    private final IdempotentConsumer consumer;
    private final Projector projector;
    private final ObjectMapper mapper;

    public EventsConsumer(IdempotentConsumer consumer, Projector projector, ObjectMapper mapper) {
        this.consumer = consumer;
        this.projector = projector;
        this.mapper = mapper;
    }

    @Incoming("disclosure-events")
    @Blocking
    public void onDisclosureEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("commitment-events")
    @Blocking
    public void onCommitmentEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("supervision-events")
    @Blocking
    public void onSupervisionEvent(ConsumerRecord<String, String> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, String> record) {
        consumer.apply(ReadModel.CONSUMER, IncomingEvent.from(record, mapper), projector::lockShared, projector::apply);
    }
}
