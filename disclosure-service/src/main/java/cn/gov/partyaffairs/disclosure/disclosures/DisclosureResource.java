package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Disclosures and their workflow: 提出 → 审核 → 审批 → 实施, then correction or withdrawal. */
@Path("/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.COUNTY_ADMIN, Caller.ORG_CLERK})
public class DisclosureResource {

    /** How many entries of a ledger were brought in (all of them, or none and a problem). */
    public record LedgerResult(int recorded) {
    }


    private static final String BODY_REQUIRED = "请求体不能为空";

    private final DisclosureService service;

    public DisclosureResource(DisclosureService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Draft a disclosure (提出) for the caller's organization")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "201", responseDescription = "草稿已建，返回该公开事项")
    public Response draft(@NotNull(message = BODY_REQUIRED) @Valid DisclosureContent content) {
        Disclosure d = service.draft(content);
        return AggregateHeaders.answer(Response.created(URI.create("/disclosures/" + d.id)), d, this::shown);
    }

    @POST
    @Path("ledger")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Bring in disclosures published before the system (台账), with their real publication times "
            + "(plannedPublicationAt) and channels (plannedChannels); all or none")
    @APIResponseSchema(value = LedgerResult.class, responseCode = "200", responseDescription = "台账已全部录入：录入的条数")
    public Response ledger(@NotNull(message = "请求体不能为空") List<@NotNull @Valid DisclosureContent> entries) {
        List<Disclosure> recorded = service.recordFromLedger(entries);
        return Response.ok(new LedgerResult(recorded.size())).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a draft, or a disclosure sent back")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已保存")
    public Response edit(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid DisclosureContent content) {
        return AggregateHeaders.answer(Response.ok(), service.edit(id, content), this::shown);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for review, attesting that it contains no party secrets")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已提交审核")
    public Response submit(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Submit request) {
        return AggregateHeaders.answer(Response.ok(), service.submit(id, request), this::shown);
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Pass review (审核): secrecy check, necessity, accuracy")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "审核通过，待审批")
    public Response review(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Review request) {
        return AggregateHeaders.answer(Response.ok(), service.review(id, request.confirmedChecks()), this::shown);
    }

    @POST
    @Path("{id}/return")
    @Operation(summary = "Send back to the clerk with reasons")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已退回，附理由")
    public Response sendBack(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Reasoned request) {
        return AggregateHeaders.answer(Response.ok(), service.sendBack(id, request.reason()), this::shown);
    }

    @POST
    @Path("{id}/escalate")
    @Operation(summary = "Pass the approval up to the county office (beyond the competent organization's authority)")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已报上级审核")
    public Response escalate(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Reasoned request) {
        return AggregateHeaders.answer(Response.ok(), service.escalate(id, request.reason()), this::shown);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve (审批)")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已批准")
    public Response approve(@PathParam("id") UUID id) {
        return AggregateHeaders.answer(Response.ok(), service.approve(id), this::shown);
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish (实施) at or after the planned time, recording the channels used")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已公开")
    public Response publish(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Publish request) {
        return AggregateHeaders.answer(Response.ok(), service.publish(id, request.channels()), this::shown);
    }

    @POST
    @Path("{id}/correct")
    @Operation(summary = "Correct published content: a new version, the history kept")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已更正，版本加一")
    public Response correct(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Correct request) {
        return AggregateHeaders.answer(Response.ok(), service.correct(id, request), this::shown);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a published disclosure with a reason that stays visible")
    @APIResponseSchema(value = DisclosureDto.class, responseCode = "200", responseDescription = "已撤回")
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid WorkflowRequests.Reasoned request) {
        return AggregateHeaders.answer(Response.ok(), service.withdraw(id, request.reason()), this::shown);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One disclosure with its steps and published versions")
    public DisclosureDto get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Operation(summary = "Disclosures within the caller's scope, newest change first")
    public PageResult<DisclosureDto> list(@QueryParam("organization") String organization,
                                          @QueryParam("status") DisclosureStatus status,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                          @Max(PageResult.MAX_SIZE) int size) {
        return service.search(organization, status, page, size);
    }

    /** The state after a step (answered with the aggregate's headers, so the gateway can wait for its read model). */
    private DisclosureDto shown(Disclosure d) {
        return service.get(d.id);
    }
}
