package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.contracts.supervision.GroupMember;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Guidance groups (督促指导小组): the county office forms them; a group keeps its own member list. */
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class GroupResource {

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final ProgrammeService service;
    private final AssignmentRepository assignments;

    private final Caller caller;

    public GroupResource(ProgrammeService service, AssignmentRepository assignments, Caller caller) {
        this.caller = caller;
        this.service = service;
        this.assignments = assignments;
    }

    /** A group, its members and the codes of the units it is responsible for now. */
    public record GroupDto(UUID id, String code, String name, List<GroupMember> members, List<String> unitCodes,
                           long version) {
    }

    @GET
    @Operation(summary = "Every guidance group, by code, with its members and current units")
    public List<GroupDto> all() {
        // The county office sees every group; an inspector their own; a unit's clerk the group responsible for it.
        var scope = caller.unitReadScope();
        String clerksGroup = scope.organization() == null ? null : assignments.currentGroupOf(scope.organization());
        return service.groups().stream()
                .filter(g -> scope.all() || g.code.equals(scope.group()) || g.code.equals(clerksGroup))
                .map(this::dto).toList();
    }

    @GET
    @Path("{code}")
    public GroupDto get(@PathParam("code") String code) {
        var scope = caller.unitReadScope();
        String clerksGroup = scope.organization() == null ? null : assignments.currentGroupOf(scope.organization());
        if (!scope.all() && !code.equals(scope.group()) && !code.equals(clerksGroup)) {
            throw cn.gov.partyaffairs.platform.error.ProblemException.forbidden(
                    "您只能查看本督促指导小组，或负责本单位的小组");
        }
        return dto(service.group(code));
    }

    @POST
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Form a guidance group; its code is what its inspectors' tokens name (claim guidance_group)")
    @APIResponseSchema(value = GroupDto.class, responseCode = "201", responseDescription = "督促指导小组已组建")
    public Response form(@NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.FormGroup request) {
        GuidanceGroup g = service.formGroup(request);
        return AggregateHeaders.answer(Response.created(URI.create("/groups/" + g.code)), g, dto(g));
    }

    @PUT
    @Path("{code}/members")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Replace the group's member list (the group itself or a county admin)")
    @APIResponseSchema(value = GroupDto.class, responseCode = "200", responseDescription = "成员已更新")
    public Response changeMembers(@PathParam("code") String code,
                                  @NotNull(message = BODY_REQUIRED) @Valid ProgrammeRequests.ChangeMembers request) {
        GuidanceGroup g = service.changeMembers(code, request);
        return AggregateHeaders.answer(Response.ok(), g, dto(g));
    }

    private GroupDto dto(GuidanceGroup g) {
        return new GroupDto(g.id, g.code, g.name, ProgrammeService.contract(g.members),
                assignments.currentUnitCodes(g.code), g.version);
    }
}
