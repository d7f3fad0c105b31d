package cn.gov.partyaffairs.supervision.messaging;

import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.supervision.finding.AutomaticFindings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The commitment service's events, each applied once: an organization's overdue practical thing becomes an automatic
 * finding of a watched unit, its fulfilment resolves it; the other events are not this service's concern.
 */
@ApplicationScoped
public class CommitmentEventsConsumer {

    static final String CONSUMER = "supervision-commitment-events";

    private final IdempotentConsumer consumer;
    private final AutomaticFindings findings;
    private final ObjectMapper mapper;

    public CommitmentEventsConsumer(IdempotentConsumer consumer, AutomaticFindings findings, ObjectMapper mapper) {
        this.consumer = consumer;
        this.findings = findings;
        this.mapper = mapper;
    }

    @Incoming("commitment-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        if (!IncomingEvent.isOneOf(record, AutomaticFindings.COMMITMENT_TYPES)) {
            return; // progress, evaluations ...: nothing here changes with them
        }
        consumer.apply(CONSUMER, IncomingEvent.from(record, mapper), findings::apply);
    }
}
