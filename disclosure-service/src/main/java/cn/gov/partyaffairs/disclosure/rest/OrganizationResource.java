package cn.gov.partyaffairs.disclosure.rest;

import cn.gov.partyaffairs.disclosure.Organization;
import cn.gov.partyaffairs.disclosure.service.OrganizationService;
import cn.gov.partyaffairs.platform.error.ProblemException;
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

import java.net.URI;

@Path("/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService service;
    private final Caller caller;

    public OrganizationResource(OrganizationService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Operation(summary = "Register a party organization (county admins only)")
    public Response register(@NotNull(message = "请求体不能为空") @Valid RegisterOrganizationRequest request) {
        Organization organization = service.register(request, caller.username());
        return AggregateHeaders.tag(Response.created(URI.create("/organizations/" + organization.code)),
                        organization.id, organization.version)
                .entity(OrganizationDto.of(organization))
                .build();
    }

    @GET
    @Authenticated
    @Operation(summary = "List organizations, filtered by type, parent and text")
    public PageResult<OrganizationDto> list(@QueryParam("type") String type, @QueryParam("parent") String parent,
                                            @QueryParam("q") String text,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                            @Max(PageResult.MAX_SIZE) int size) {
        return service.search(type, parent, text, page, size, OrganizationDto::of);
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "One organization by its code")
    public OrganizationDto get(@PathParam("code") String code) {
        return service.findByCode(code).map(OrganizationDto::of)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
    }
}
