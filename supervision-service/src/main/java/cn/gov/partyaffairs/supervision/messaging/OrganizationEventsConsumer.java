package cn.gov.partyaffairs.supervision.messaging;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.supervision.service.KnownOrganizationService;
import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local copy of the organization register, applying each event once. */
@ApplicationScoped
public class OrganizationEventsConsumer {

    static final String CONSUMER = "supervision-organizations";
    private static final String ORGANIZATION_REGISTERED = DomainEvent.typeOf(OrganizationRegistered.class).value();

    private final IdempotentConsumer consumer;
    private final KnownOrganizationService organizations;
    private final ObjectMapper mapper;

    public OrganizationEventsConsumer(IdempotentConsumer consumer, KnownOrganizationService organizations,
                                      ObjectMapper mapper) {
        this.consumer = consumer;
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @Incoming("disclosure-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        consumer.apply(CONSUMER, event, applied -> {
            if (ORGANIZATION_REGISTERED.equals(applied.type())) {
                organizations.registered(applied.as(OrganizationRegistered.class, mapper));
            }
        });
    }
}
