package cn.gov.partyaffairs.bench.scenario;

import cn.gov.partyaffairs.bench.Plan;
import cn.gov.partyaffairs.bench.load.LoadDriver;
import cn.gov.partyaffairs.bench.load.StreamClients;
import cn.gov.partyaffairs.bench.report.Results;
import cn.gov.partyaffairs.bench.suite.SuiteAccess;
import io.vertx.core.Vertx;

import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The public live stream with N viewers (big screens, phones): first idle, to see what idle viewers cost (the
 * gateway database's transactions per second, the gateway's resident memory), then while one public event a second
 * is published (an organization registered), to see how soon each viewer gets each event and whether any is missed.
 */
public final class Streams {

    private static final Duration AFTER_LAST = Duration.ofSeconds(3);

    private final Plan plan;
    private final SuiteAccess suite;
    private final Vertx vertx;
    private final Results results;
    private final String run;

    public Streams(Plan plan, SuiteAccess suite, Vertx vertx, Results results, String run) {
        this.plan = plan;
        this.suite = suite;
        this.vertx = vertx;
        this.results = results;
        this.run = run;
    }

    public void measure(String gatewayDatabase, long gatewayPid) {
        results.add("sse.0.idle.db.tps", "streams", "gateway database with no stream client: transactions/s",
                idleTransactions(gatewayDatabase), "tx/s");
        if (plan.isFull()) {
            warmUp();
        }
        for (int clients : plan.streamClients()) {
            measure(clients, gatewayDatabase, gatewayPid);
        }
    }

    private void measure(int count, String gatewayDatabase, long gatewayPid) {
        String prefix = "BENCH-" + run + "-S" + count + "-";
        String group = "streams";
        try (StreamClients clients = new StreamClients(vertx, LoadDriver.Target.keepAlive("localhost", suite.gatewayPort()),
                "/api/v1/public/stream", prefix, count, plan.streamEvents())) {
            int connected = clients.connect();
            results.add("sse." + count + ".connected", group, count + " stream clients: connected", connected, "clients");
            sleep(Duration.ofSeconds(1));
            results.add("sse." + count + ".idle.db.tps", group, count + " idle stream clients: gateway database transactions/s",
                    idleTransactions(gatewayDatabase), "tx/s");
            results.add("sse." + count + ".idle.rss.mib", group, count + " idle stream clients: gateway resident memory",
                    SuiteAccess.residentMiB(gatewayPid), "MiB");
            publish(clients, prefix, suite.token("admin"));
            sleep(AFTER_LAST);
            StreamClients.Seen seen = clients.seen(plan.streamEvents());
            String of = count + " clients, " + plan.streamEvents() + " events at 1/s: ";
            results.add("sse." + count + ".within500", group, of + "frames within 500 ms", 100 * seen.shareWithinMillis(500), "%");
            results.add("sse." + count + ".within1000", group, of + "frames within 1 s", 100 * seen.shareWithinMillis(1000), "%");
            results.add("sse." + count + ".p50.ms", group, of + "publish → frame p50", seen.percentileMillis(50), "ms");
            results.add("sse." + count + ".p99.ms", group, of + "publish → frame p99", seen.percentileMillis(99), "ms");
            results.add("sse." + count + ".missed", group, of + "frames missed", seen.missed(), "frames");
            results.context("sse." + count + ".per.event.p50/p99.ms", seen.perMarkerMillis());
            results.add("sse." + count + ".busy.rss.mib", group, of + "gateway resident memory", SuiteAccess.residentMiB(gatewayPid), "MiB");
            if (connected < count) {
                results.problem(count + " stream clients: only " + connected + " connected (" + seen.failedConnections()
                        + " refused or failed)");
            }
        }
    }

    /**
     * The path from a registration to a frame once through every JVM before anything is timed, as every other
     * scenario warms up: measured first (right after the reads), the 1,000 clients' p99 was 147 and 268 ms in two idle
     * runs, and 80-88 ms when the commands had run that path before them.
     */
    private void warmUp() {
        String prefix = "BENCH-" + run + "-SW-";
        try (StreamClients clients = new StreamClients(vertx, LoadDriver.Target.keepAlive("localhost", suite.gatewayPort()),
                "/api/v1/public/stream", prefix, plan.streamClients().get(0), plan.streamEvents())) {
            clients.connect();
            publish(clients, prefix, suite.token("admin"));
            sleep(AFTER_LAST);
        }
    }

    /** One public event a second: an organization registered, its code made of the prefix and its number. */
    private void publish(StreamClients clients, String prefix, String admin) {
        for (int n = 0; n < plan.streamEvents(); n++) {
            long due = System.nanoTime() + 1_000_000_000L;
            clients.sending(n);
            HttpResponse<String> answer = suite.send("POST", "http://localhost:" + suite.gatewayPort()
                    + "/api/v1/internal/organizations", admin, """
                    {"code":"%s%d","name":"基准测试直播党支部%d","type":"village-branch"}""".formatted(prefix, n, n));
            if (answer.statusCode() / 100 != 2) {
                results.problem("stream event " + n + " not published: " + answer.statusCode() + " " + answer.body());
            }
            sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
        }
    }

    private double idleTransactions(String database) {
        long before = suite.transactions(database);
        long start = System.nanoTime();
        sleep(plan.idle());
        long after = suite.transactions(database);
        return (after - before) / ((System.nanoTime() - start) / 1e9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
