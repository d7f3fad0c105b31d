package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.contracts.Labels;
import cn.gov.partyaffairs.contracts.supervision.GuidanceTaskKind;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/**
 * Demonstration units (示范单位), by their organization code. The county office designates and withdraws them and
 * assigns their guidance group; the responsible group keeps their set-up tasks.
 */
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitResource {

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final ProgrammeService service;
    private final UnitRepository units;
    private final AssignmentRepository assignments;
    private final SupervisionNames names;
    private final Caller caller;

    public UnitResource(ProgrammeService service, UnitRepository units, AssignmentRepository assignments,
                        SupervisionNames names, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.units = units;
        this.assignments = assignments;
        this.names = names;
    }

    @GET
    @Operation(summary = "Demonstration units by code, optionally only one group's current units or one status")
    public List<UnitDto> list(@QueryParam("group") String group, @QueryParam("status") UnitStatus status) {
        var scope = caller.unitReadScope();
        var narrowed = scope.narrow(null, group, assignments::currentGroupOf);
        return units.search(narrowed.group(), status).stream()
                .filter(u -> narrowed.unit() == null || narrowed.unit().equals(u.organizationCode))
                .map(u -> dto(u, null)).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One unit with its set-up tasks and every group that was responsible for it")
    public UnitDto get(@PathParam("code") String code) {
        DemonstrationUnit u = service.unit(code);
        caller.unitReadScope().requireMayRead(u.organizationCode, assignments.currentGroupOf(u.organizationCode));
        return dto(u, assignments.history(u.id));
    }

    @POST
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Designate an organization of the register a demonstration unit (or again after a withdrawal)")
    @APIResponseSchema(value = UnitDto.class, responseCode = "201", responseDescription = "示范单位已确定")
    public Response designate(@NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.Designate request) {
        DemonstrationUnit u = service.designate(request);
        return AggregateHeaders.answer(Response.created(URI.create("/units/" + u.organizationCode)), u, this::dto);
    }

    @POST
    @Path("{code}/withdraw")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Withdraw the designation, with a reason; the responsible group's responsibility ends")
    @APIResponseSchema(value = UnitDto.class, responseCode = "200", responseDescription = "已撤销示范单位")
    public Response withdraw(@PathParam("code") String code,
                             @NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.Withdraw request) {
        return AggregateHeaders.answer(Response.ok(), service.withdraw(code, request), this::dto);
    }

    @POST
    @Path("{code}/assignment")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Make a guidance group responsible for the unit from a day on; the previous group's responsibility ends that day")
    @APIResponseSchema(value = UnitDto.class, responseCode = "200", responseDescription = "已指定负责的督促指导小组")
    public Response assign(@PathParam("code") String code,
                           @NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.Assign request) {
        GroupAssignment a = service.assign(code, request);
        DemonstrationUnit u = service.unit(code);
        return AggregateHeaders.answer(Response.ok(), u, dto(u, assignments.history(a.unitId)));
    }

    @PUT
    @Path("{code}/tasks/{task}")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Record where one of the unit's set-up tasks stands (its group or a county admin)")
    @APIResponseSchema(value = UnitDto.class, responseCode = "200", responseDescription = "创建任务已更新")
    public Response updateTask(@PathParam("code") String code, @PathParam("task") GuidanceTaskKind task,
                               @NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.UpdateTask request) {
        return AggregateHeaders.answer(Response.ok(), service.updateTask(code, task, request), this::dto);
    }

    private UnitDto dto(DemonstrationUnit u) {
        return dto(u, null);
    }

    private UnitDto dto(DemonstrationUnit u, List<GroupAssignment> history) {
        return UnitDto.of(u, Labels.zh(Labels.ORGANIZATION_TYPE, u.organizationType),
                assignments.current(u.id).map(a -> a.groupCode).orElse(null), names, history);
    }
}
