package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks for other departments' systems: subscribe a URL to event types and receive every public event of those
 * types, signed, in order, retried until delivered. See the gateway's README for how a receiver checks a delivery.
 */
@Path("/api/v1/internal/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.INTEGRATION, Caller.COUNTY_ADMIN})
public class WebhookResource {

    private final WebhookService webhooks;
    private final WebhookTargets targets;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, WebhookTargets targets, Caller caller) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.caller = caller;
    }

    /**
     * An internal address range webhooks may reach: a department's intranet.
     *
     * @param cidr   the range, e.g. 10.20.0.0/16 (at least /8)
     * @param reason whose intranet it is, for the next admin
     */
    public record AllowedRange(String cidr, String reason, String addedBy, OffsetDateTime addedAt) {
    }

    @GET
    @Path("allowed-ranges")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "The internal address ranges webhooks may reach (everything else internal is refused)")
    public List<AllowedRange> allowedRanges() {
        return targets.listed().stream().map(row -> new AllowedRange((String) row[0], (String) row[1], (String) row[2],
                row[3] instanceof java.time.OffsetDateTime t ? t
                        : row[3] instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC) : null)).toList();
    }

    @POST
    @Path("allowed-ranges")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Let webhooks reach an internal address range (a department's intranet)")
    @APIResponseSchema(value = AllowedRange.class, responseCode = "201", responseDescription = "已允许该地址段")
    public Response allow(@NotNull(message = "请求体不能为空") AllowedRange request) {
        WebhookTargets.Range range = targets.allow(request.cidr(), request.reason(), caller.username());
        return Response.status(201).entity(new AllowedRange(range.text(), request.reason().strip(), caller.username(), null))
                .build();
    }

    @DELETE
    @Path("allowed-ranges/{address}/{prefix}")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Withdraw an allowed range: the next delivery to an address in it is refused")
    @APIResponse(responseCode = "204", description = "已撤销该地址段")
    public Response disallow(@PathParam("address") String address, @PathParam("prefix") String prefix) {
        if (!targets.disallow(address + "/" + prefix)) {
            throw cn.gov.partyaffairs.platform.error.ProblemException.notFound("允许的地址段", address + "/" + prefix);
        }
        return Response.noContent().build();
    }

    /**
     * @param url   where deliveries are POSTed (http or https)
     * @param types CloudEvents types to receive; empty or absent: every public event
     */
    public record NewSubscription(String url, List<String> types) {
    }

    /** @param from the point in time to deliver again from (ISO-8601 with offset) */
    public record Replay(@NotNull(message = "请填写回放起点 from，例如 2024-05-01T00:00:00+08:00") OffsetDateTime from) {
    }

    /**
     * A subscription as its owner sees it.
     *
     * @param secret         the signing key: only in the answer to the creation, never again
     * @param cursor         the last event_log seq handled
     * @param failedAttempts failed attempts at the next event (0 while all is well)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionDto(UUID id, String owner, String url, List<String> types,
                                  WebhookSubscription.Status status, long cursor, int failedAttempts,
                                  OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, String secret) {

        static SubscriptionDto of(WebhookSubscription s, String secret) {
            return new SubscriptionDto(s.id, s.owner, s.targetUrl, s.types(), s.status, s.cursorSeq, s.failedAttempts,
                    s.nextAttemptAt, s.createdAt, secret);
        }

        static SubscriptionDto of(WebhookSubscription s) {
            return of(s, null);
        }
    }

    /**
     * One attempt in the delivery log.
     *
     * @param statusCode    the receiver's HTTP status, null if it did not answer
     * @param nextAttemptAt when the event is tried again; null once delivered
     */
    public record DeliveryDto(long id, long eventSeq, String eventId, String eventType, int attempt, boolean delivered,
                              Integer statusCode, String error, OffsetDateTime attemptedAt, long durationMs,
                              OffsetDateTime nextAttemptAt) {

        static DeliveryDto of(WebhookDelivery d) {
            return new DeliveryDto(d.id, d.eventSeq, d.eventId, d.eventType, d.attempt, d.delivered(), d.statusCode,
                    d.error, d.attemptedAt, d.durationMs, d.nextAttemptAt);
        }
    }

    @POST
    @Operation(summary = "Subscribe a URL to event types; the answer carries the signing secret, shown only this once")
    @APIResponseSchema(value = SubscriptionDto.class, responseCode = "201",
            responseDescription = "已订阅；secret 只在此次显示，请妥善保存")
    public Response create(@NotNull(message = "请求体不能为空") @Valid NewSubscription request) {
        WebhookSubscription s = webhooks.create(request.url(), request.types());
        return Response.created(URI.create("/api/v1/internal/webhooks/" + s.id))
                .entity(SubscriptionDto.of(s, s.secret)).build();
    }

    @GET
    @Operation(summary = "The caller's subscriptions (a county admin sees all)")
    public PageResult<SubscriptionDto> list(@QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "页码从 0 起") int page,
                                            @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                            @Min(value = 1, message = "每页至少 1 条")
                                            @Max(value = PageResult.MAX_SIZE, message = "每页最多 200 条") int size) {
        PageResult<WebhookSubscription> result = webhooks.list(page, size);
        return new PageResult<>(result.items().stream().map(SubscriptionDto::of).toList(), page, size, result.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription")
    public SubscriptionDto get(@PathParam("id") UUID id) {
        return SubscriptionDto.of(webhooks.get(id));
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stop deliveries (events keep being recorded and are delivered after resume)")
    public SubscriptionDto pause(@PathParam("id") UUID id) {
        return SubscriptionDto.of(webhooks.pause(id));
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deliver again, from where it stopped, without waiting out a back-off")
    public SubscriptionDto resume(@PathParam("id") UUID id) {
        return SubscriptionDto.of(webhooks.resume(id));
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Deliver again every event from the first one that occurred at or after a point in time")
    public SubscriptionDto replay(@PathParam("id") UUID id, @NotNull(message = "请求体不能为空") @Valid Replay request) {
        return SubscriptionDto.of(webhooks.replay(id, request.from()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a subscription and its delivery log")
    @APIResponse(responseCode = "204", description = "订阅及其投递记录已删除")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log, newest attempt first")
    public PageResult<DeliveryDto> deliveries(@PathParam("id") UUID id,
                                              @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "页码从 0 起") int page,
                                              @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                              @Min(value = 1, message = "每页至少 1 条")
                                              @Max(value = PageResult.MAX_SIZE, message = "每页最多 200 条") int size) {
        PageResult<WebhookDelivery> result = webhooks.deliveries(id, page, size);
        return new PageResult<>(result.items().stream().map(DeliveryDto::of).toList(), page, size, result.total());
    }
}
