package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.commitment.evaluation.EvaluationResource.EvaluationDto;
import cn.gov.partyaffairs.platform.publicinput.Moderation;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import cn.gov.partyaffairs.platform.security.Caller;
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

import java.util.List;
import java.util.UUID;

/** The county office moderates the comments of evaluations before they are shown. */
@Path("/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.COUNTY_ADMIN)
public class EvaluationModerationResource {

    private final EvaluationService evaluations;

    public EvaluationModerationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GET
    @Path("pending")
    @Operation(summary = "Evaluation comments waiting for moderation, oldest first")
    public List<EvaluationDto> queue() {
        return evaluations.queue().stream().map(EvaluationDto::of).toList();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve an evaluation's comment: it becomes public")
    @APIResponseSchema(value = EvaluationDto.class, responseCode = "200", responseDescription = "评议意见已通过，公开显示")
    public Response approve(@PathParam("id") UUID id) {
        Evaluation e = evaluations.approve(id);
        return AggregateHeaders.answer(Response.ok(), e, EvaluationDto.of(e));
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject an evaluation's comment, with the reason; the rating still counts")
    @APIResponseSchema(value = EvaluationDto.class, responseCode = "200", responseDescription = "评议意见未通过；评分仍计入")
    public Response reject(@PathParam("id") UUID id, @NotNull(message = "请求体不能为空") @Valid Moderation.Rejection request) {
        Evaluation e = evaluations.reject(id, request.reason());
        return AggregateHeaders.answer(Response.ok(), e, EvaluationDto.of(e));
    }
}
