package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.contracts.supervision.FindingSource;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.security.SystemScope;
import cn.gov.partyaffairs.supervision.programme.AssignmentRepository;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;
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
import java.util.Map;
import java.util.UUID;

/**
 * Findings (问题) and their rectification. The unit's guidance group records, verifies and reopens them; the unit's
 * own clerk, or its group, reports the rectification; county admins may do everything.
 */
@Path("/findings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class FindingResource {

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final FindingService service;
    private final FindingRepository findings;
    private final RectificationOverdueDetector overdue;
    private final SupervisionNames names;
    private final AssignmentRepository assignments;
    private final Caller caller;

    public FindingResource(FindingService service, FindingRepository findings, RectificationOverdueDetector overdue,
                           SupervisionNames names, AssignmentRepository assignments, Caller caller) {
        this.assignments = assignments;
        this.caller = caller;
        this.service = service;
        this.findings = findings;
        this.overdue = overdue;
        this.names = names;
    }

    @GET
    @Operation(summary = "Findings, filtered by unit, group (its current units), status, source and overdue; soonest deadline first")
    public PageResult<FindingDto> search(@QueryParam("unit") String unit,
                                         @QueryParam("group") String group,
                                         @QueryParam("status") FindingStatus status,
                                         @QueryParam("source") FindingSource source,
                                         @QueryParam("overdue") Boolean overdue,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                         @Max(PageResult.MAX_SIZE) int size) {
        // A clerk reads their unit's findings, an inspector their group's units', the county office all (UnitReadScope),
        // a system granted findings:read its own unit's.
        var scope = caller.unitReadScope(SystemScope.FINDINGS_READ).narrow(unit, group, assignments::currentGroupOf);
        PageResult<Finding> found = findings.search(
                new FindingRepository.Filter(scope.unit(), scope.group(), status, source, overdue), page, size);
        return new PageResult<>(found.items().stream().map(f -> FindingDto.of(f, names, null)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One finding with its whole history")
    public FindingDto get(@PathParam("id") UUID id) {
        Finding finding = service.get(id);
        caller.unitReadScope(SystemScope.FINDINGS_READ).requireMayRead(finding.unitCode,
                assignments.currentGroupOf(finding.unitCode));
        return FindingDto.of(finding, names, findings.history(id));
    }

    @POST
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Record a finding against a unit of the caller's group, from an inspection or not, with a rectification deadline")
    @APIResponseSchema(value = FindingDto.class, responseCode = "201", responseDescription = "问题已提出")
    public Response raise(@NotNull(message = BODY_REQUIRED) @Valid FindingRequests.Raise request) {
        Finding f = service.raise(request);
        return AggregateHeaders.answer(Response.created(URI.create("/findings/" + f.id)), f, this::dto);
    }

    @POST
    @Path("{id}/rectification")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR, Caller.ORG_CLERK})
    @Operation(summary = "Report the finding rectified, with evidence (the unit's clerk or its group)")
    @APIResponseSchema(value = FindingDto.class, responseCode = "200", responseDescription = "整改已报告")
    public Response reportRectification(@PathParam("id") UUID id,
                                        @NotNull(message = BODY_REQUIRED) @Valid FindingRequests.ReportRectification request) {
        return AggregateHeaders.answer(Response.ok(), service.reportRectification(id, request), this::dto);
    }

    @POST
    @Path("{id}/verify")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Accept the reported rectification: the finding is closed")
    @APIResponseSchema(value = FindingDto.class, responseCode = "200", responseDescription = "整改已核实")
    public Response verify(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid FindingRequests.Verify request) {
        return AggregateHeaders.answer(Response.ok(), service.verify(id, request), this::dto);
    }

    @POST
    @Path("{id}/reopen")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Refuse the reported rectification: open again, with a reason and a new deadline")
    @APIResponseSchema(value = FindingDto.class, responseCode = "200", responseDescription = "问题已重新打开")
    public Response reopen(@PathParam("id") UUID id, @NotNull(message = BODY_REQUIRED) @Valid FindingRequests.Reopen request) {
        return AggregateHeaders.answer(Response.ok(), service.reopen(id, request), this::dto);
    }

    @POST
    @Path("overdue-check")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Look for rectification past its deadline now (every replica also does so at an interval)")
    public Map<String, Integer> checkOverdue() {
        return Map.of("overdue", overdue.check());
    }

    private FindingDto dto(Finding f) {
        return FindingDto.of(f, names, null);
    }
}
