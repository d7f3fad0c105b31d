package cn.gov.partyaffairs.gateway.rest;

import cn.gov.partyaffairs.gateway.client.CommandForwarder;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.service.ReadModel;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.UUID;

/** Commands of the three services, forwarded with the caller's token; the owning service decides. */
@Path("/api/internal")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class InternalCommandResource {

    private final CommandForwarder forwarder;
    private final GatewayConfig config;
    private final ReadModel readModel;

    public InternalCommandResource(CommandForwarder forwarder, GatewayConfig config, ReadModel readModel) {
        this.forwarder = forwarder;
        this.config = config;
        this.readModel = readModel;
    }

    @POST
    @Path("organizations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organization (disclosure service; county admins)")
    public Response registerOrganization(String body, @Context HttpHeaders headers) {
        return forwarder.post(config.services().disclosure(), "/organizations", body, headers);
    }

    @POST
    @Path("disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a disclosure (disclosure service; the organization's clerk)")
    public Response draftDisclosure(String body, @Context HttpHeaders headers) {
        return forwarder.post(config.services().disclosure(), "/disclosures", body, headers);
    }

    @PUT
    @Path("disclosures/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a draft or a disclosure sent back")
    public Response editDisclosure(@PathParam("id") UUID id, String body, @Context HttpHeaders headers) {
        return forwarder.put(config.services().disclosure(), "/disclosures/" + id, body, headers);
    }

    @POST
    @Path("disclosures/{id}/{step: submit|review|return|escalate|approve|publish|correct|withdraw}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A workflow step: submit, review, return, escalate, approve, publish, correct, withdraw")
    public Response disclosureStep(@PathParam("id") UUID id, @PathParam("step") String step, String body,
                                   @Context HttpHeaders headers) {
        return forwarder.post(config.services().disclosure(), "/disclosures/" + id + "/" + step, body, headers);
    }

    @GET
    @Path("read-model/aggregates/{id}")
    @Operation(summary = "How far the read models have applied an aggregate: poll here after a 202")
    public Map<String, Object> aggregatePosition(@PathParam("id") UUID aggregateId) {
        return Map.of("aggregateId", aggregateId, "version", readModel.position(aggregateId));
    }
}
