package cn.gov.partyaffairs.bench.chaos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the campaign was told: every command sent and how it was answered, and every acknowledged one with the
 * aggregate and version its answer named ({@code Aggregate-Id}, {@code Aggregate-Version}). An acknowledged command
 * is one the suite promised to keep: a 2xx with those headers, through the gateway (answered once the read models
 * showed it, or 202 {@code Read-Model: pending}) or, while the gateway was down, from the owning service directly.
 * Each one's moment in every read model is recorded as the campaign sees it ({@link ReadModels}).
 */
final class Ledger {

    /** One acknowledged command. {@code owner}: the service whose database and topic hold its event. */
    record Ack(String command, String owner, UUID aggregate, long version, String route, long atNanos) {

        /** The register's events: the commitment and supervision services keep a copy of them. */
        boolean replicated() {
            return "register".equals(command);
        }
    }

    static final String GATEWAY = "through the gateway, read model shown";
    static final String GATEWAY_PENDING = "through the gateway, 202 Read-Model: pending";
    static final String DIRECT = "by the service directly, gateway down";

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<Ack, Long> inEveryReadModel = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> routes = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();

    void sent() {
        sent.increment();
    }

    /** How a command was answered: "201", "503", "no answer" … */
    void answered(String command, String outcome) {
        answers.computeIfAbsent(command + " " + outcome, k -> new LongAdder()).increment();
    }

    void acknowledged(Ack ack) {
        acks.add(ack);
        routes.computeIfAbsent(ack.route(), k -> new LongAdder()).increment();
    }

    long sentCount() {
        return sent.sum();
    }

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    /** The acknowledged commands no read model check has found everywhere yet. */
    List<Ack> unconfirmed() {
        List<Ack> open = new ArrayList<>();
        for (Ack ack : acks) {
            if (!inEveryReadModel.containsKey(ack)) {
                open.add(ack);
            }
        }
        return open;
    }

    void confirmed(Collection<Ack> found, long atNanos) {
        for (Ack ack : found) {
            inEveryReadModel.putIfAbsent(ack, atNanos);
        }
    }

    /** When every command acknowledged up to {@code untilNanos} was in every read model, or -1 while one is not. */
    long allConfirmedAt(long untilNanos) {
        long latest = Long.MIN_VALUE;
        for (Ack ack : acks) {
            if (ack.atNanos() > untilNanos) {
                continue;
            }
            Long at = inEveryReadModel.get(ack);
            if (at == null) {
                return -1;
            }
            latest = Math.max(latest, at);
        }
        return latest;
    }

    /** How many commands acknowledged up to then were not yet in every read model at that moment. */
    long waitingAt(long nanos) {
        long waiting = 0;
        for (Ack ack : acks) {
            Long at = inEveryReadModel.get(ack);
            if (ack.atNanos() <= nanos && (at == null || at > nanos)) {
                waiting++;
            }
        }
        return waiting;
    }

    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }

    Map<String, Long> routes() {
        Map<String, Long> sorted = new TreeMap<>();
        routes.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
