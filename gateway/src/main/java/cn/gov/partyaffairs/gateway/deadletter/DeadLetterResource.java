package cn.gov.partyaffairs.gateway.deadletter;

import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The county admin's view of the events no consumer could apply, and their replay after a fix. */
@Path("/api/v1/internal/dead-letters")
@RolesAllowed(Caller.COUNTY_ADMIN)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Events parked on the dead-letter topics, newest first (死信列表)")
    public PageResult<DeadLetter> list(@QueryParam("service") @Size(max = 100, message = "服务名最多 100 个字符") String service,
                                       @QueryParam("replayed") Boolean replayed,
                                       @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "页码从 0 起")
                                       @Max(value = 10000, message = "页码最大为 10000") int page,
                                       @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                       @Min(value = 1, message = "每页至少 1 条")
                                       @Max(value = PageResult.MAX_SIZE, message = "每页最多 200 条") int size) {
        return deadLetters.list(service == null || service.isBlank() ? null : service, replayed, page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One parked event")
    public DeadLetter get(@PathParam("id") long id) {
        return deadLetters.get(id);
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Publish the parked event again onto its original topic, after the fix (重新投递)")
    public DeadLetter replay(@PathParam("id") long id) {
        return deadLetters.replay(id);
    }
}
