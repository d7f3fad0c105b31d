package cn.gov.partyaffairs.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How far the services' consumers are behind the topics. Data loaded straight into the services (the demo) reaches
 * the gateway's read models only as fast as it projects the events; until then a command through the gateway waits
 * behind that backlog and answers 202, and the public pages are incomplete. The launcher waits here before it
 * calls the suite ready.
 */
final class ConsumerLag implements AutoCloseable {

    /** What a group that is rebalancing is behind by: unknown, and not caught up. */
    static final long REBALANCING = -1;

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        admin = Admin.create(props);
    }

    /**
     * Records not yet consumed ({@link #REBALANCING} while it rebalances), per group with members (a group left behind by an earlier replica or run is not
     * waited for). A partition the group has not committed yet counts from its start: the group reads from there.
     */
    Map<String, Long> behind() throws ExecutionException, InterruptedException {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get();
        Map<String, Long> behind = new TreeMap<>();
        for (ConsumerGroupDescription group : described.values()) {
            if (group.members().isEmpty()) {
                continue;
            }
            Set<TopicPartition> assigned = group.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream()).collect(Collectors.toSet());
            if (group.groupState() != GroupState.STABLE) {
                // Rebalancing (after a broker restart, a replica joining or leaving): the partitions changing hands
                // are not read meanwhile, and which they are cannot be told from here.
                behind.put(group.groupId(), REBALANCING);
                continue;
            }
            if (assigned.isEmpty()) {
                // Stable with nothing to read: a pattern subscription whose topics do not exist yet (the gateway's
                // dead letters before anything was parked) is not behind.
                behind.put(group.groupId(), 0L);
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            assigned.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
            long lag = 0;
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata at = committed.get(partition);
                lag += Math.max(0, ends.getOrDefault(partition, 0L) - (at == null ? 0 : at.offset()));
            }
            behind.put(group.groupId(), lag);
        }
        return behind;
    }

    /** Waits until no group is behind; false when the time ran out first (what is still behind is printed). */
    boolean awaitCaughtUp(Duration timeout, java.io.PrintStream progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> last = Map.of();
        long lastPrinted = 0;
        while (System.nanoTime() < deadline) {
            try {
                last = behind();
            } catch (ExecutionException e) {
                progress.println("CONSUMERS UNKNOWN " + e.getCause().getMessage());
            }
            if (!last.isEmpty() && last.values().stream().allMatch(lag -> lag == 0L)) {
                return true;
            }
            if (System.nanoTime() - lastPrinted > TimeUnit.SECONDS.toNanos(10)) {
                progress.println("CONSUMERS BEHIND " + last);
                progress.flush();
                lastPrinted = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        progress.println("CONSUMERS STILL BEHIND " + last);
        return false;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
