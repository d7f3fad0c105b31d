package cn.gov.partyaffairs.bench.history;

import cn.gov.partyaffairs.demo.CommitmentDemo;
import cn.gov.partyaffairs.demo.DemoLoader;
import cn.gov.partyaffairs.demo.MediaDemo;
import cn.gov.partyaffairs.demo.SupervisionDemo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A realistic history of the county, loaded through the services' own APIs so that all of it travels as events:
 * the 191 organizations disclosing for several years (on time, late and missing as the demo county does, the missed
 * periods raised as lapses by the cadence engine), a share of disclosures corrected and a few withdrawn, the
 * public's comments on them (moderated: most approved, some rejected), and — in the full history — the county's
 * media submissions, commitments with progress and evaluations, and the supervision programme (the demo's loaders).
 * Comments are what a county has most of; they are added until the topics hold the events asked for.
 * Deterministic for a seed. Requests go to the services directly, several at a time, not through the gateway.
 */
public final class HistoryGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COMMENTS = {"公开及时，内容清楚，点赞！", "惠民资金发放明细能否再细化到户？", "希望多公开村里修路的进展。",
            "支部为群众办了实事，感谢！", "建议把公开栏的字放大一些，老人看得清。", "这个项目什么时候完工？", "公开内容很实在。",
            "请问低保评议结果在哪里可以查到？", "党务公开让我们心里有数。", "建议在微信群里同步发布。"};

    private final String disclosure;
    private final String commitment;
    private final String supervision;
    private final Supplier<String> adminToken;
    private final LongSupplier eventsOnTopics;
    private final Runnable supervisionCaughtUp;
    private final int threads;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param months how far back the history starts: from the first day of the month that many months ago */
    public record Options(int months, long targetEvents, boolean countyExtras, long seed) {
    }

    public record Loaded(boolean alreadyThere, long disclosures, long comments, long events, double seconds) {
    }

    /**
     * @param eventsOnTopics how many events the three topics hold now (the generator stops adding comments there)
     * @param supervisionCaughtUp returns once the supervision service has read every disclosure event so far: its
     *                            inspection tasks need its copy of each unit's content list, whose events sit behind
     *                            the years of disclosures and lapses loaded before them on the topic
     */
    public HistoryGenerator(String disclosure, String commitment, String supervision, Supplier<String> adminToken,
                            LongSupplier eventsOnTopics, Runnable supervisionCaughtUp, int threads) {
        this.disclosure = disclosure;
        this.commitment = commitment;
        this.supervision = supervision;
        this.adminToken = adminToken;
        this.eventsOnTopics = eventsOnTopics;
        this.supervisionCaughtUp = supervisionCaughtUp;
        this.threads = threads;
    }

    public Loaded load(Options options, java.util.function.Consumer<String> log) throws Exception {
        long started = System.nanoTime();
        if (send(get(disclosure + "/organizations/" + "YP-C000")).statusCode() == 200) {
            return new Loaded(true, 0, 0, eventsOnTopics.getAsLong(), 0);
        }
        Random random = new Random(options.seed());
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        LocalDate since = today.withDayOfMonth(1).minusMonths(options.months());
        List<DemoLoader.Org> organizations = DemoLoader.organizations();
        importOrganizations(organizations, since);
        long disclosures = ledger(organizations, since, today, random);
        expectOk(send(post(disclosure + "/compliance/check", null)), "cadence check");
        log.accept("history: " + organizations.size() + " organizations, " + disclosures + " disclosures since " + since);
        if (options.countyExtras()) {
            MediaDemo.load(disclosure, adminToken.get(), organizations);
            CommitmentDemo.load(commitment, adminToken.get(), organizations);
            DemoLoader.settleContentLists(disclosure, adminToken.get(), DemoLoader.DEMONSTRATION_UNITS);
            supervisionCaughtUp.run();
            SupervisionDemo.load(supervision, adminToken.get());
            log.accept("history: media submissions, commitments and supervision of the demo county");
        }
        correctAndWithdraw(publicDisclosures(), random);
        long comments = comment(publicDisclosures(), options.targetEvents(), random, log);
        return new Loaded(false, disclosures, comments, eventsOnTopics.getAsLong(), (System.nanoTime() - started) / 1e9);
    }

    private void importOrganizations(List<DemoLoader.Org> organizations, LocalDate since) throws Exception {
        StringBuilder csv = new StringBuilder("code,name,type,parentCode,cadenceMonths,disclosingSince\n");
        for (DemoLoader.Org o : organizations) {
            csv.append(o.code()).append(',').append(o.name()).append(',').append(o.type()).append(',')
                    .append(o.parent() == null ? "" : o.parent()).append(",,").append(since).append('\n');
        }
        expectOk(send(HttpRequest.newBuilder(URI.create(disclosure + "/organizations/import"))
                .header("Authorization", "Bearer " + adminToken.get()).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8))), "organization import");
    }

    /** Every period due by now: 78% on time, 6% late, 16% never disclosed (the engine raises those). */
    private long ledger(List<DemoLoader.Org> organizations, LocalDate since, LocalDate today, Random random) throws Exception {
        List<ArrayNode> batches = new ArrayList<>();
        long count = 0;
        for (DemoLoader.Org o : organizations) {
            ArrayNode entries = JSON.createArrayNode();
            for (LocalDate start = since; ; start = start.plusMonths(o.cadenceMonths())) {
                LocalDate end = start.plusMonths(o.cadenceMonths()).minusDays(1);
                if (!end.plusDays(20).isBefore(today)) {
                    break;
                }
                double roll = random.nextDouble();
                if (roll < 0.16) {
                    continue;
                }
                boolean late = roll < 0.22;
                LocalDate publishedOn = late ? end.plusDays(20 + random.nextInt(10)) : end.plusDays(1 + random.nextInt(3));
                if (publishedOn.isAfter(today)) {
                    continue;
                }
                entries.add(entry(o, start, end, publishedOn, random));
                count++;
                if (entries.size() == 24) {
                    batches.add(entries);
                    entries = JSON.createArrayNode();
                }
            }
            if (!entries.isEmpty()) {
                batches.add(entries);
            }
        }
        parallel(batches.stream().map(batch -> (Task) () -> expectOk(send(post(disclosure + "/disclosures/ledger", batch)),
                "ledger")).toList());
        return count;
    }

    private static ObjectNode entry(DemoLoader.Org o, LocalDate start, LocalDate end, LocalDate publishedOn, Random random) {
        boolean internal = random.nextDouble() < 0.2;
        ObjectNode entry = JSON.createObjectNode();
        entry.put("organizationCode", o.code());
        ArrayNode items = entry.putArray("itemCodes");
        ArrayNode channels = entry.putArray("plannedChannels");
        if (internal) {
            items.add("C2-04").add("C6-02");
            channels.add("meeting");
            entry.put("scope", "PARTY_WIDE");
        } else {
            items.add(random.nextBoolean() ? "C1-04" : "C8-01").add(random.nextBoolean() ? "C7-01" : "C8-03");
            channels.add("disclosure-board").add("county-website");
            entry.put("scope", "PUBLIC");
        }
        String period = start.getMonthValue() + (o.cadenceMonths() > 1 ? "—" + end.getMonthValue() : "") + "月";
        entry.put("title", o.name() + start.getYear() + "年" + period + "党务公开");
        entry.put("body", internal ? "一、“三会一课”开展情况；二、党费收缴情况（党内公开）。"
                : "一、本期重点工作进展；二、为民办实事办理情况；三、惠民资金发放情况：共发放" + (2 + random.nextInt(40))
                + "户，合计" + (1 + random.nextInt(90)) + "万元。欢迎群众监督。");
        entry.put("periodStart", start.toString());
        entry.put("periodEnd", end.toString());
        entry.put("plannedPublicationAt", publishedOn + "T09:00:00+08:00");
        return entry;
    }

    private List<String> publicDisclosures() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = send(get(disclosure + "/disclosures?status=PUBLISHED&size=200&page=" + page));
            expectOk(answer, "published disclosures");
            JsonNode items = JSON.readTree(answer.body()).get("items");
            items.forEach(item -> {
                if ("PUBLIC".equals(item.path("scope").asText())) {
                    ids.add(item.get("id").asText());
                }
            });
            if (items.size() < 200) {
                return ids;
            }
        }
    }

    /** One in seven public disclosures corrected once; one in a hundred withdrawn with its reason. */
    private void correctAndWithdraw(List<String> published, Random random) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (String id : published) {
            double roll = random.nextDouble();
            if (roll < 0.01) {
                tasks.add(() -> expectOk(send(post(disclosure + "/disclosures/" + id + "/withdraw",
                        JSON.createObjectNode().put("reason", "名单涉及个人隐私信息，撤回后重新公开"))), "withdrawal"));
            } else if (roll < 0.15) {
                tasks.add(() -> {
                    JsonNode current = JSON.readTree(send(get(disclosure + "/disclosures/" + id)).body());
                    expectOk(send(post(disclosure + "/disclosures/" + id + "/correct", JSON.createObjectNode()
                            .put("title", current.path("title").asText())
                            .put("body", current.path("body").asText() + "（更正：补充了资金发放明细。）")
                            .put("reason", "补充资金发放明细"))), "correction");
                });
            }
        }
        parallel(tasks);
    }

    /**
     * The public's comments, each from its own address (the services limit per address), nine in ten approved and
     * the rest rejected with a reason, until the topics hold {@code target} events.
     */
    private long comment(List<String> published, long target, Random random, java.util.function.Consumer<String> log)
            throws Exception {
        AtomicLong sent = new AtomicLong();
        long seed = random.nextLong();
        while (eventsOnTopics.getAsLong() < target && !published.isEmpty()) {
            long missing = target - eventsOnTopics.getAsLong();
            long round = Math.max(threads, Math.min(20_000, missing / 2));
            List<Task> tasks = new ArrayList<>();
            for (long i = 0; i < round; i++) {
                long n = sent.getAndIncrement();
                Random r = new Random(seed + n);
                String id = published.get(r.nextInt(published.size()));
                boolean approve = r.nextDouble() < 0.9;
                String body = COMMENTS[r.nextInt(COMMENTS.length)];
                tasks.add(() -> {
                    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(disclosure + "/disclosures/" + id + "/comments"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                                    .put("authorName", "群众" + (n % 997)).put("body", body)))));
                    expectOk(answer, "comment");
                    String comment = JSON.readTree(answer.body()).get("id").asText();
                    if (approve) {
                        expectOk(send(post(disclosure + "/comments/" + comment + "/approve", null)), "approval");
                    } else {
                        expectOk(send(post(disclosure + "/comments/" + comment + "/reject",
                                JSON.createObjectNode().put("reason", "与公开内容无关"))), "rejection");
                    }
                });
            }
            parallel(tasks);
            // The relays may still be sending the last ones: let the count settle before deciding on another round.
            Thread.sleep(2000);
            log.accept("history: " + sent.get() + " comments, " + eventsOnTopics.getAsLong() + " events on the topics");
        }
        return sent.get();
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private void parallel(List<Task> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Task task : tasks) {
                running.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken.get()).GET();
    }

    private HttpRequest.Builder post(String url, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken.get())
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectOk(HttpResponse<String> answer, String what) {
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " refused: " + answer.statusCode() + " " + answer.body());
        }
    }
}
