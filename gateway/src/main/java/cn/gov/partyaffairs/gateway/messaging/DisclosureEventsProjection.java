package cn.gov.partyaffairs.gateway.messaging;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.gateway.service.ReadModel;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies the disclosure service's events to the gateway's read models, each exactly once. */
@ApplicationScoped
public class DisclosureEventsProjection {

    private static final String ORGANIZATION_REGISTERED = DomainEvent.typeOf(OrganizationRegistered.class).value();
    private static final String ORGANIZATION_UPDATED = DomainEvent.typeOf(OrganizationUpdated.class).value();
    private static final String ORGANIZATION_DEACTIVATED = DomainEvent.typeOf(OrganizationDeactivated.class).value();

    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final ObjectMapper mapper;

    public DisclosureEventsProjection(IdempotentConsumer consumer, ReadModel readModel, ObjectMapper mapper) {
        this.consumer = consumer;
        this.readModel = readModel;
        this.mapper = mapper;
    }

    @Incoming("disclosure-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        consumer.apply(ReadModel.CONSUMER, event, this::project);
    }

    private void project(IncomingEvent event) {
        if (ORGANIZATION_REGISTERED.equals(event.type())) {
            readModel.organizationRegistered(event.as(OrganizationRegistered.class, mapper), event.aggregateVersion());
        } else if (ORGANIZATION_UPDATED.equals(event.type())) {
            readModel.organizationUpdated(event.as(OrganizationUpdated.class, mapper), event.aggregateVersion());
        } else if (ORGANIZATION_DEACTIVATED.equals(event.type())) {
            readModel.organizationDeactivated(event.aggregateId(), event.aggregateVersion());
        }
        // Types this read model does not show are still recorded as applied, so their versions count.
    }
}
