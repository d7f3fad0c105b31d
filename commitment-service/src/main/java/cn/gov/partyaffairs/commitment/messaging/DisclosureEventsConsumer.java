package cn.gov.partyaffairs.commitment.messaging;

import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The disclosure service's events, each applied once: today they keep the local organization register. Commitments of organizations (practical things for the people) need to know them. */
@ApplicationScoped
public class DisclosureEventsConsumer {

    static final String CONSUMER = "commitment-disclosure-events";

    private final IdempotentConsumer consumer;
    private final OrganizationReplica organizations;
    private final ObjectMapper mapper;

    public DisclosureEventsConsumer(IdempotentConsumer consumer, OrganizationReplica organizations, ObjectMapper mapper) {
        this.consumer = consumer;
        this.organizations = organizations;
        this.mapper = mapper;
    }

    @Incoming("disclosure-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        if (!IncomingEvent.isOneOf(record, OrganizationReplica.TYPES)) {
            return; // comments, drafts, reviews ...: nothing here changes with them
        }
        consumer.apply(CONSUMER, IncomingEvent.from(record, mapper), organizations::apply);
    }
}
