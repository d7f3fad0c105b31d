package cn.gov.partyaffairs.supervision.messaging;

import cn.gov.partyaffairs.platform.messaging.IdempotentConsumer;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import cn.gov.partyaffairs.replica.OrganizationReplica;
import cn.gov.partyaffairs.supervision.contentlist.ContentListCopy;
import cn.gov.partyaffairs.supervision.finding.AutomaticFindings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * The disclosure service's events, each applied once: the register's keep the local organization copy (demonstration
 * units are organizations), the content lists keep their local copy (a unit's catalog task needs one), and the
 * cadence engine's lapses and cures become and resolve automatic findings.
 */
@ApplicationScoped
public class DisclosureEventsConsumer {

    static final String CONSUMER = "supervision-disclosure-events";

    private final IdempotentConsumer consumer;
    private final OrganizationReplica organizations;
    private final AutomaticFindings findings;
    private final ContentListCopy contentLists;
    private final ObjectMapper mapper;

    public DisclosureEventsConsumer(IdempotentConsumer consumer, OrganizationReplica organizations,
                                    AutomaticFindings findings, ContentListCopy contentLists, ObjectMapper mapper) {
        this.consumer = consumer;
        this.organizations = organizations;
        this.findings = findings;
        this.contentLists = contentLists;
        this.mapper = mapper;
    }

    private static final Set<String> APPLIED = java.util.stream.Stream.of(OrganizationReplica.TYPES, ContentListCopy.TYPES,
            AutomaticFindings.DISCLOSURE_TYPES).flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Incoming("disclosure-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        if (!IncomingEvent.isOneOf(record, APPLIED)) {
            return; // comments, drafts, reviews ...: nothing here changes with them
        }
        consumer.apply(CONSUMER, IncomingEvent.from(record, mapper), event -> {
            organizations.apply(event);
            contentLists.apply(event);
            findings.apply(event);
        });
    }
}
