package cn.gov.partyaffairs.bench.chaos;

import cn.gov.partyaffairs.bench.load.Operation;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.ConnectException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign's commands, one per arrival, mixed as a county's day mixes them: the county admin registers
 * organizations; disclosures go through the whole workflow with four eyes (the demo clerk of YP-V001 drafts, submits
 * and publishes, the county admin reviews, the approver approves); the public comments on what was published and the
 * county admin approves the comments; the transport bureau's head reports progress on its commitments; the demo
 * inspector records findings at YP-V001. Each aggregate has at most one command in flight, so that a refusal is the
 * suite's answer to a fault and never two commands racing for one version.
 *
 * <p>While the gateway refuses connections (killed, starting), a command goes to the owning service directly, as a
 * department's system on the county network could: those acknowledgements are what a restarted gateway must catch
 * up on.
 */
final class Mix implements Operation {

    static final String DISCLOSURE = "disclosure-service";
    static final String COMMITMENT = "commitment-service";
    static final String SUPERVISION = "supervision-service";
    private static final ZoneOffset COUNTY = ZoneOffset.ofHours(8);

    /** What one command came to: its HTTP status (0: no answer) and, when acknowledged, what it acknowledged. */
    record Result(int status, Ledger.Ack ack) {
    }

    /** A disclosure on its way: the next step it needs (1 submit, 2 review, 3 approve, 4 publish). */
    private static final class Disclosure {
        final UUID id;
        int step = 1;

        Disclosure(UUID id) {
            this.id = id;
        }
    }

    private static final class Commitment {
        final UUID id;
        int reports;

        Commitment(UUID id) {
            this.id = id;
        }
    }

    private final Ledger ledger;
    private final Tokens tokens;
    private final Map<String, HttpClient> services;
    private final String run;
    private final AtomicLong numbers = new AtomicLong();
    private final ConcurrentLinkedQueue<Disclosure> waiting = new ConcurrentLinkedQueue<>();
    private final List<UUID> published = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<UUID> toModerate = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Commitment> commitments = new ConcurrentLinkedQueue<>();
    private final List<UUID> commitmentIds = new CopyOnWriteArrayList<>();

    /** @param services a client per service, for the commands sent while the gateway refuses connections */
    Mix(Ledger ledger, Tokens tokens, Map<String, HttpClient> services, String run) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.services = services;
        this.run = run;
    }

    /** The organization codes of this run start with it. */
    String codePrefix() {
        return "CHAOS-" + run + "-";
    }

    List<UUID> commitments() {
        return List.copyOf(commitmentIds);
    }

    /** Commitments of the transport bureau for the progress reports, pledged before the load begins. */
    void prepare(HttpClient gateway, int count) throws Exception {
        List<Future<Result>> pledges = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ledger.sent();
            pledges.add(command(gateway, "pledge", COMMITMENT, "head", "/api/v1/internal/commitments", new JsonObject()
                    .put("kind", "SERVICE").put("title", "故障演练承诺 " + run + " " + i)
                    .put("category", "administrative-approval").put("departmentCode", "YP-D-TRANSPORT")
                    .put("responsible", "县交通运输局局长").put("dueDate", LocalDate.now(COUNTY).plusMonths(3).toString()),
                    null));
        }
        for (Future<Result> pledge : pledges) {
            Result result = pledge.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (result.ack() == null) {
                throw new IllegalStateException("the head could not pledge a commitment to report on (" + result.status()
                        + "); see the commitment service's log");
            }
            commitments.add(new Commitment(result.ack().aggregate()));
            commitmentIds.add(result.ack().aggregate());
        }
    }

    @Override
    public Future<Integer> run(HttpClient gateway, long sequence) {
        ledger.sent();
        Future<Result> result = switch ((int) (sequence % 10)) {
            case 0, 6 -> register(gateway);
            case 1, 4, 7 -> disclosureStep(gateway);
            case 2, 8 -> progress(gateway);
            case 3, 9 -> commentOrModerate(gateway);
            default -> finding(gateway);
        };
        // No answer at all is the load driver's failure; any HTTP answer is a status.
        return result.compose(r -> r.status() == 0 ? Future.failedFuture("no answer") : Future.succeededFuture(r.status()));
    }

    private Future<Result> register(HttpClient gateway) {
        long n = numbers.incrementAndGet();
        return command(gateway, "register", DISCLOSURE, "admin", "/api/v1/internal/organizations", new JsonObject()
                .put("code", codePrefix() + n).put("name", "故障演练党支部" + n).put("type", "village-branch"), null);
    }

    private Future<Result> disclosureStep(HttpClient gateway) {
        Disclosure d = waiting.poll();
        if (d == null) {
            return draft(gateway);
        }
        String path = "/api/v1/internal/disclosures/" + d.id;
        Future<Result> step = switch (d.step) {
            case 1 -> command(gateway, "submit", DISCLOSURE, "clerk", path + "/submit",
                    new JsonObject().put("attestNoSecrets", true), null);
            // Four eyes: neither the reviewer nor the approver drafted it, and they are two people.
            case 2 -> command(gateway, "review", DISCLOSURE, "admin", path + "/review",
                    new JsonObject().put("secrecyChecked", true).put("necessary", true).put("accurate", true), null);
            case 3 -> command(gateway, "approve", DISCLOSURE, "approver", path + "/approve", null, null);
            default -> command(gateway, "publish", DISCLOSURE, "clerk", path + "/publish",
                    new JsonObject().put("channels", new JsonArray().add("disclosure-board")), null);
        };
        return step.map(result -> {
            if (result.ack() != null) {
                if (d.step == 4) {
                    published.add(d.id);
                } else {
                    d.step++;
                    waiting.add(d);
                }
            } else if (unavailable(result)) {
                waiting.add(d); // the same step again later; a refusal (4xx) ends its way here
            }
            return result;
        });
    }

    private Future<Result> draft(HttpClient gateway) {
        long n = numbers.incrementAndGet();
        LocalDate month = LocalDate.now(COUNTY).withDayOfMonth(1);
        JsonObject body = new JsonObject().put("organizationCode", "YP-V001")
                .put("itemCodes", new JsonArray().add("C8-01"))
                .put("title", "故障演练公开事项 " + run + " " + n).put("body", "故障演练：本期公开内容。")
                .put("periodStart", month.toString()).put("periodEnd", month.plusMonths(2).minusDays(1).toString())
                .put("scope", "PUBLIC").put("plannedChannels", new JsonArray().add("disclosure-board"))
                .put("plannedPublicationAt", OffsetDateTime.now(COUNTY).minusMinutes(1).toString());
        return command(gateway, "draft", DISCLOSURE, "clerk", "/api/v1/internal/disclosures", body, null).map(result -> {
            if (result.ack() != null) {
                waiting.add(new Disclosure(result.ack().aggregate()));
            }
            return result;
        });
    }

    private Future<Result> commentOrModerate(HttpClient gateway) {
        UUID comment = toModerate.poll();
        if (comment != null) {
            return command(gateway, "approve-comment", DISCLOSURE, "admin", "/api/v1/internal/comments/" + comment + "/approve",
                    null, null).map(result -> {
                        if (result.ack() == null && unavailable(result)) {
                            toModerate.add(comment);
                        }
                        return result;
                    });
        }
        if (published.isEmpty()) {
            return disclosureStep(gateway);
        }
        long n = numbers.incrementAndGet();
        UUID disclosure = published.get((int) (n % published.size()));
        // From many addresses, as behind the county's ingress: one address may comment only so often.
        String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        return command(gateway, "comment", DISCLOSURE, null, "/api/v1/public/disclosures/" + disclosure + "/comments",
                new JsonObject().put("authorName", "演练群众").put("body", "故障演练评论 " + run + " " + n), address)
                .map(result -> {
                    if (result.ack() != null) {
                        toModerate.add(result.ack().aggregate());
                    }
                    return result;
                });
    }

    private Future<Result> progress(HttpClient gateway) {
        Commitment c = commitments.poll();
        if (c == null) {
            return register(gateway);
        }
        long n = numbers.incrementAndGet();
        // Never a decrease (that needs a reason): up by one point a report, then level.
        int percent = Math.min(95, c.reports + 1);
        return command(gateway, "progress", COMMITMENT, "head", "/api/v1/internal/commitments/" + c.id + "/progress",
                new JsonObject().put("percent", percent).put("note", "故障演练进展 " + run + " " + n), null).map(result -> {
                    if (result.ack() != null) {
                        c.reports++;
                    }
                    commitments.add(c);
                    return result;
                });
    }

    private Future<Result> finding(HttpClient gateway) {
        long n = numbers.incrementAndGet();
        return command(gateway, "finding", SUPERVISION, "inspector", "/api/v1/internal/findings", new JsonObject()
                .put("unitCode", "YP-V001").put("description", "故障演练发现的问题 " + run + " " + n)
                .put("severity", "MINOR").put("responsible", "村党支部书记")
                .put("deadline", LocalDate.now(COUNTY).plusDays(30).toString()), null);
    }

    /** A 5xx or no answer: the suite could not take it now, so the same step is tried again later. */
    private static boolean unavailable(Result result) {
        return result.status() == 0 || result.status() >= 500;
    }

    /**
     * Sends a command through the gateway; when the gateway refuses the connection, to the owning service directly.
     * Records how it was answered and, when acknowledged, what.
     */
    Future<Result> command(HttpClient gateway, String command, String owner, String user, String path, JsonObject body,
                           String forwardedFor) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        if (user != null) {
            headers.add("Authorization", tokens.of(user));
        }
        if (forwardedFor != null) {
            headers.add("X-Forwarded-For", forwardedFor);
        }
        return Operation.send(gateway, HttpMethod.POST, path, headers, buffer(body))
                .map(answer -> result(command, owner, answer,
                        "pending".equals(answer.response().getHeader("Read-Model")) ? Ledger.GATEWAY_PENDING : Ledger.GATEWAY))
                .recover(failure -> {
                    if (!refused(failure)) {
                        ledger.answered(command, "no answer");
                        return Future.succeededFuture(new Result(0, null));
                    }
                    String direct = path.replaceFirst("^/api/v1/(internal|public)", "");
                    return Operation.send(services.get(owner), HttpMethod.POST, direct, headers, buffer(body))
                            .map(answer -> result(command, owner, answer, Ledger.DIRECT))
                            .otherwise(e -> {
                                ledger.answered(command, "no answer");
                                return new Result(0, null);
                            });
                });
    }

    private Result result(String command, String owner, Operation.HttpAnswer answer, String route) {
        int status = answer.status();
        ledger.answered(command, status + (Ledger.DIRECT.equals(route) ? " (direct)" : ""));
        String id = answer.response().getHeader("Aggregate-Id");
        String version = answer.response().getHeader("Aggregate-Version");
        if (status / 100 != 2 || id == null || version == null) {
            return new Result(status, null);
        }
        Ledger.Ack ack = new Ledger.Ack(command, owner, UUID.fromString(id), Long.parseLong(version), route, System.nanoTime());
        ledger.acknowledged(ack);
        return new Result(status, ack);
    }

    private static Buffer buffer(JsonObject body) {
        return body == null ? Buffer.buffer() : body.toBuffer();
    }

    /** The gateway is not there: nothing was sent, so sending it elsewhere cannot make it twice. */
    private static boolean refused(Throwable failure) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at instanceof ConnectException || String.valueOf(at.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
