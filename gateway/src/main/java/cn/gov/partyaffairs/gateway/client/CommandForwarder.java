package cn.gov.partyaffairs.gateway.client;

import cn.gov.partyaffairs.gateway.api.ServiceOperations;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.gateway.readmodel.ReadModelGeneration;
import cn.gov.partyaffairs.gateway.stream.AppliedEvents;
import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a command to the service that owns it, with the caller's token: the service decides. Its answer, problem
 * details included, passes through (a service's own 503 with its Retry-After too); a service that does not answer gives
 * a 503 problem with {@code Retry-After}, which says whether the change cannot have arrived (no connection) or may
 * have (no answer in time). After a change, the answer waits until the gateway's read models show it
 * (read-your-writes), or says 202 with where to poll.
 */
@ApplicationScoped
public class CommandForwarder {

    private static final Logger LOG = Logger.getLogger(CommandForwarder.class);
    private static final Duration RECHECK = Duration.ofMillis(500);
    /** How long a caller waits before trying again when a service does not answer (a restart takes seconds). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final GatewayConfig config;
    private final ReadModel readModel;
    private final AppliedEvents appliedEvents;
    private final ReadModelGeneration generation;
    private final HttpClient http;

    public CommandForwarder(GatewayConfig config, ReadModel readModel, AppliedEvents appliedEvents,
                            ReadModelGeneration generation) {
        this.config = config;
        this.readModel = readModel;
        this.appliedEvents = appliedEvents;
        this.generation = generation;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Who is asking: their token (null on public paths, where a token is ignored) and their address. */
    public record Caller(String authorization, String language, String forwardedFor, String contentType) {

        /** An official on an internal path: the token goes along. */
        public static Caller of(HttpHeaders headers, String clientAddress) {
            return new Caller(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                    headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), clientAddress,
                    headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        }

        /**
         * Anyone on a public path: no token travels, only the address the service limits by. The client address is the one this gateway resolved: X-Forwarded-For counts only
         * when a trusted proxy sent it ({@code quarkus.http.proxy.trusted-proxies}), so a visitor cannot make up
         * addresses to evaluate twice or slip the rate limit.
         */
        public static Caller anonymous(HttpHeaders headers, String clientAddress) {
            return new Caller(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), clientAddress,
                    headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        }
    }

    /** Set on an answer given before the read models showed the change (the wait for them ran out). */
    public static final String READ_MODEL = "Read-Model";

    /** Forwards a request; a change (POST, PUT, DELETE) waits for the read model, a read does not. */
    public Response forward(String method, URI service, String pathAndQuery, String body, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(pathAndQuery))
                .timeout(config.serviceTimeout());
        switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", caller.contentType() == null ? "application/json" : caller.contentType())
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        }
        return send(service, request, caller, !"GET".equals(method));
    }

    private Response send(URI service, HttpRequest.Builder request, Caller caller, boolean isChange) {
        if (caller.authorization() != null) {
            request.header(HttpHeaders.AUTHORIZATION, caller.authorization());
        }
        if (caller.forwardedFor() != null) {
            request.header("X-Forwarded-For", caller.forwardedFor());
        }
        if (caller.language() != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, caller.language());
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            LOG.warnf("%s cannot be reached: %s", service, e.toString());
            return unavailable(service, false);
        } catch (IOException e) {
            // Sent, but no answer (a time-out, a connection reset): a change may have been made.
            LOG.warnf("%s did not answer: %s", service, e.toString());
            return unavailable(service, isChange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(service, isChange);
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
        answer.headers().firstValue("Content-Type").ifPresent(type -> response.type(type));
        // A rate limit's wait reaches the caller, who can only honour it if told.
        answer.headers().firstValue("Retry-After").ifPresent(wait -> response.header("Retry-After", wait));
        answer.headers().firstValue("Location").ifPresent(location -> response.header("Location",
                ServiceOperations.INTERNAL + URI.create(location).getPath()));
        var aggregateId = answer.headers().firstValue(AggregateHeaders.AGGREGATE_ID);
        var version = answer.headers().firstValue(AggregateHeaders.AGGREGATE_VERSION);
        if (isChange && answer.statusCode() / 100 == 2 && aggregateId.isPresent() && version.isPresent()) {
            UUID id = UUID.fromString(aggregateId.get());
            long wanted = Long.parseLong(version.get());
            response.header(AggregateHeaders.AGGREGATE_ID, id).header(AggregateHeaders.AGGREGATE_VERSION, wanted);
            if (!awaitReadModel(id, wanted)) {
                // Said apart from a service's own 202 (a comment awaiting moderation): the change is recorded, the
                // read models just do not show it yet.
                response.status(Response.Status.ACCEPTED).header(READ_MODEL, "pending");
                // The poll link is internal: an anonymous caller (a comment, an evaluation) just reads again later.
                if (caller.authorization() != null) {
                    response.header("Read-Model-Location", ServiceOperations.INTERNAL + "/read-model/aggregates/" + id);
                }
            }
        }
        return response.build();
    }

    /**
     * Until the read models show the version: woken by the log's tail as soon as any replica has applied it (or at
     * once when the tail already told of it), and asking the database now and then in case a wake-up was missed (the
     * tail reconnecting, or the change applied before this replica's tail began).
     */
    private boolean awaitReadModel(UUID aggregateId, long version) {
        long deadline = System.nanoTime() + config.readYourWritesTimeout().toNanos();
        CompletableFuture<Void> applied = appliedEvents.await(aggregateId, version);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    applied.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
                    return true;
                } catch (TimeoutException recheck) {
                    if (appliedInDatabase(aggregateId, version)) {
                        return true;
                    }
                } catch (ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        } finally {
            applied.cancel(false);
        }
    }

    /** Applied before this replica's tail has read it: what this replica cached may not show it yet. */
    private boolean appliedInDatabase(UUID aggregateId, long version) {
        if (readModel.position(aggregateId) < version) {
            return false;
        }
        generation.advance();
        return true;
    }

    /**
     * The service could not be asked, or did not answer: 503 with {@code Retry-After}, as the platform answers for a
     * database that cannot be reached.
     *
     * @param mayHaveArrived the change was sent and no answer came, so it may have been made: the caller should look
     *                       before sending it again
     */
    static Response unavailable(URI service, boolean mayHaveArrived) {
        String where = " (" + service.getHost() + ":" + service.getPort() + ")";
        String detail = mayHaveArrived
                ? "后台服务未能及时答复，此次提交可能已经保存，也可能没有：请先刷新查看，确认未保存后再重试"
                        + " (the service did not answer in time: the change may or may not have been saved; look before"
                        + " trying again)" + where
                : "后台服务暂时无法连接，您填写的内容没有提交，请稍后（约 5 秒）重试"
                        + " (the service cannot be reached right now: nothing was sent, please try again in a few seconds)"
                        + where;
        Problem problem = Problem.of("service-unavailable", "服务暂不可用 Service unavailable", 503, detail)
                .withRetryAfter(RETRY_AFTER);
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", problem.retryAfterSeconds()).build();
    }
}
