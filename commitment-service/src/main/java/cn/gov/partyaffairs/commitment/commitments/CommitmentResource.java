package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.commitments.CommitmentRequests.LedgerEntry;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Public commitments and their progress. Department heads act for their department, clerks for their organization,
 * county admins for all; the owning scope is checked here on every command.
 */
@Path("/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class CommitmentResource {

    /** How many entries of a ledger were brought in (all of them, or none and a problem). */
    public record LedgerResult(int recorded) {
    }

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final CommitmentService service;
    private final CommitmentRepository commitments;
    private final OverdueDetector overdue;
    private final MilestoneDetector milestones;
    private final CommitmentNames names;

    public CommitmentResource(CommitmentService service, CommitmentRepository commitments, OverdueDetector overdue,
                              MilestoneDetector milestones, CommitmentNames names) {
        this.service = service;
        this.commitments = commitments;
        this.overdue = overdue;
        this.milestones = milestones;
        this.names = names;
    }

    @GET
    @Operation(summary = "Commitments, filtered by kind, department, organization, category, status and text; soonest due first")
    public PageResult<CommitmentDto> search(@QueryParam("kind") CommitmentKind kind,
                                            @QueryParam("department") String department,
                                            @QueryParam("organization") String organization,
                                            @QueryParam("category") String category,
                                            @QueryParam("status") CommitmentStatus status,
                                            @QueryParam("q") String text,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                            @Max(PageResult.MAX_SIZE) int size) {
        PageResult<Commitment> found = commitments.search(
                new CommitmentRepository.Filter(kind, department, organization, category, status, text), page, size);
        return new PageResult<>(found.items().stream().map(c -> CommitmentDto.of(c, names, null)).toList(),
                page, size, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One commitment with its milestones and progress timeline")
    public CommitmentDto get(@PathParam("id") UUID id) {
        Commitment c = service.get(id);
        return CommitmentDto.of(c, names, commitments.timeline(id));
    }

    @POST
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.DEPARTMENT_HEAD, Caller.ORG_CLERK})
    @Operation(summary = "Pledge a commitment: a service commitment for the caller's department, or a practical thing for the caller's organization")
    @APIResponseSchema(value = CommitmentDto.class, responseCode = "201", responseDescription = "承诺已作出")
    public Response pledge(@NotNull(message = BODY_REQUIRED) @Valid CommitmentRequests.Pledge request) {
        Commitment c = service.pledge(request);
        return AggregateHeaders.answer(Response.created(URI.create("/commitments/" + c.id)), c, this::dto);
    }

    @POST
    @Path("{id}/progress")
    // A department's system may too, when granted commitments:progress (checked with the commitment's owner).
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.DEPARTMENT_HEAD, Caller.ORG_CLERK, Caller.INTEGRATION})
    @Operation(summary = "Report progress: percent (0..100) and/or quantity achieved; a decrease needs a reason")
    @APIResponseSchema(value = CommitmentDto.class, responseCode = "200", responseDescription = "进展已报告，返回该承诺")
    public Response report(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid CommitmentRequests.Report request) {
        return AggregateHeaders.answer(Response.ok(), service.report(id, request), this::dto);
    }

    @POST
    @Path("{id}/fulfil")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.DEPARTMENT_HEAD, Caller.ORG_CLERK})
    @Operation(summary = "Record fulfilment with its evidence; on time when by the due date")
    @APIResponseSchema(value = CommitmentDto.class, responseCode = "200", responseDescription = "已兑现")
    public Response fulfil(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid CommitmentRequests.Fulfil request) {
        return AggregateHeaders.answer(Response.ok(), service.fulfil(id, request), this::dto);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.DEPARTMENT_HEAD, Caller.ORG_CLERK})
    @Operation(summary = "Withdraw an open commitment, with a reason that is made public")
    @APIResponseSchema(value = CommitmentDto.class, responseCode = "200", responseDescription = "已撤回，理由公开")
    public Response withdraw(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid CommitmentRequests.Withdraw request) {
        return AggregateHeaders.answer(Response.ok(), service.withdraw(id, request.reason()), this::dto);
    }

    @POST
    @Path("ledger")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Bring in commitments kept on paper (台账) with their reports and fulfilment at their real dates; all or none")
    @APIResponseSchema(value = LedgerResult.class, responseCode = "200", responseDescription = "台账已全部录入：录入的条数")
    public Response ledger(@NotNull(message = BODY_REQUIRED) List<@NotNull @Valid LedgerEntry> entries) {
        return Response.ok(new LedgerResult(service.recordFromLedger(entries).size())).build();
    }

    @POST
    @Path("overdue-check")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Look for overdue commitments and missed milestones now (every replica also does so at an interval)")
    public Map<String, Integer> checkOverdue() {
        int commitments = overdue.check();
        return Map.of("overdue", commitments, "milestonesMissed", milestones.check());
    }

    private CommitmentDto dto(Commitment c) {
        return CommitmentDto.of(c, names, null);
    }
}
