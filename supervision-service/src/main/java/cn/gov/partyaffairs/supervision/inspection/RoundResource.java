package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.supervision.inspection.InspectionDtos.InspectionDto;
import cn.gov.partyaffairs.supervision.inspection.InspectionDtos.RoundDto;
import cn.gov.partyaffairs.supervision.programme.SupervisionNames;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/**
 * Rounds of on-site inspection (督查): the county office plans and closes them; a unit's guidance group records its
 * inspection in one.
 */
@Path("/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RoundResource {

    private static final String BODY_REQUIRED = "请求体不能为空";

    private final InspectionService service;
    private final SupervisionNames names;

    public RoundResource(InspectionService service, SupervisionNames names) {
        this.service = service;
        this.names = names;
    }

    @GET
    @Operation(summary = "Every round of inspection, earliest first")
    public List<RoundDto> rounds() {
        return service.rounds().stream().map(r -> RoundDto.of(r, null)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One round with the inspections recorded in it")
    public RoundDto round(@PathParam("id") UUID id) {
        return RoundDto.of(service.round(id),
                service.inspectionsOf(id).stream().map(i -> InspectionDto.of(i, names)).toList());
    }

    @POST
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Plan a round of on-site inspection over demonstration units")
    @APIResponseSchema(value = RoundDto.class, responseCode = "201", responseDescription = "检查轮次已安排")
    public Response plan(@NotNull(message = BODY_REQUIRED) @Valid InspectionRequests.PlanRound request) {
        InspectionRound r = service.plan(request);
        return AggregateHeaders.answer(Response.created(URI.create("/rounds/" + r.id)), r, RoundDto.of(r, null));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close a round: no more inspections in it")
    @APIResponseSchema(value = RoundDto.class, responseCode = "200", responseDescription = "检查轮次已结束")
    public Response close(@PathParam("id") UUID id) {
        InspectionRound r = service.close(id);
        return AggregateHeaders.answer(Response.ok(), r, RoundDto.of(r, null));
    }

    @POST
    @Path("{id}/inspections")
    @RolesAllowed({Caller.COUNTY_ADMIN, Caller.INSPECTOR})
    @Operation(summary = "Record the inspection of a unit of the caller's group in this round, every checklist item scored")
    @APIResponseSchema(value = InspectionDto.class, responseCode = "201", responseDescription = "检查已记录")
    public Response record(@PathParam("id") UUID roundId,
                           @NotNull(message = BODY_REQUIRED) @Valid InspectionRequests.Record request) {
        Inspection i = service.record(roundId, request);
        return AggregateHeaders.answer(Response.created(URI.create("/inspections/" + i.id)), i, InspectionDto.of(i, names));
    }
}
