package cn.gov.partyaffairs.gateway.admin;

import cn.gov.partyaffairs.platform.security.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** The county office's operations on the gateway itself. */
@Path("/api/v1/internal/admin")
@RolesAllowed(Caller.COUNTY_ADMIN)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final ReadModelRebuild rebuild;

    public AdminResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("rebuild")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rebuild every read model from the topics (./suite rebuild)")
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    @GET
    @Path("read-model/digest")
    @Operation(summary = "A digest per read-model table, to compare a rebuilt state with the live one")
    public Map<String, String> digest() {
        return rebuild.digest();
    }
}
