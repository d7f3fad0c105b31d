package cn.gov.partyaffairs.replica;

import cn.gov.partyaffairs.platform.error.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The organizations this service knows from the register's events. */
@Path("/organizations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class KnownOrganizationResource {

    private final OrganizationReplica organizations;

    public KnownOrganizationResource(OrganizationReplica organizations) {
        this.organizations = organizations;
    }

    @GET
    @Operation(summary = "Every organization known from the register's events")
    public List<KnownOrganization> list() {
        return organizations.all();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One known organization by its code")
    public KnownOrganization get(@PathParam("code") String code) {
        return organizations.findByCode(code).orElseThrow(() -> ProblemException.notFound("组织", code));
    }
}
