package cn.gov.partyaffairs.bench.suite;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The suite's three event topics as the broker counts them: events held, and how far a consumer group has read. */
public final class Topics implements AutoCloseable {

    public static final List<String> EVENTS = List.of("disclosure.events", "commitment.events", "supervision.events");

    private final Admin admin;

    public Topics(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(props);
    }

    /** Every event the three topics hold (their end offsets; the topics are never compacted or trimmed here). */
    public long events() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many events the group has not yet committed as read. */
    public long lag(String group) {
        return lag(group, EVENTS);
    }

    /** How many events of these topics the group has not yet committed as read. */
    public long lag(String group, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : endOffsets().entrySet()) {
                if (!topics.contains(end.getKey().topic())) {
                    continue;
                }
                OffsetAndMetadata read = committed.get(end.getKey());
                lag += end.getValue() - (read == null ? 0 : read.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            var existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            var described = admin.describeTopics(EVENTS.stream().filter(existing::contains).toList()).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            described.forEach((topic, description) -> description.partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (var entry : admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet()) {
                ListOffsetsResult.ListOffsetsResultInfo info = entry.getValue();
                ends.put(entry.getKey(), info.offset());
            }
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the topics' offsets: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
