package cn.gov.partyaffairs.commitment.evaluation;

import cn.gov.partyaffairs.contracts.commitment.CommitmentEvaluated.Rating;
import cn.gov.partyaffairs.platform.publicinput.PublicInputLimiter;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 群众评议: a signed-in citizen evaluates a commitment once and may change it; anyone else anonymously, a few times per
 * address and day; ratings and approved comments are public.
 */
@Path("/commitments/{id}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService evaluations;

    public EvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /**
     * @param rating  SATISFIED 满意, BASICALLY_SATISFIED 基本满意 or DISSATISFIED 不满意
     * @param comment an optional opinion; markup is removed and it is shown once approved
     */
    public record NewEvaluation(@NotNull(message = "请选择评议结果：满意、基本满意或不满意") Rating rating,
                                @Size(max = 2000, message = "评议意见过长") String comment) {
    }

    /** What anyone may see of an evaluation; the comment's moderation fields only reach moderators. */
    /**
     * @param verified  a signed-in citizen's evaluation (one per person), not an anonymous one
     * @param revisedAt when the citizen last changed it; null if never
     */
    public record EvaluationDto(UUID id, UUID commitmentId, Rating rating, String comment,
                                Evaluation.CommentStatus commentStatus, String rejectReason, boolean verified,
                                OffsetDateTime createdAt, OffsetDateTime revisedAt) {
        public static EvaluationDto of(Evaluation e) {
            return new EvaluationDto(e.id, e.commitmentId, e.rating, e.comment, e.commentStatus, e.rejectReason,
                    e.verified(), e.createdAt, e.revisedAt);
        }
    }

    /**
     * @param evaluations all evaluations, each counted once however often its citizen revised it
     * @param verified    of them, by signed-in citizens
     * @param anonymous   of them, anonymous
     */
    public record SummaryDto(long evaluations, long verified, long anonymous, Map<Rating, Long> ratings,
                             Double satisfactionRate, List<EvaluationDto> comments) {
    }

    @POST
    @PermitAll
    @Operation(summary = "Evaluate a commitment: a signed-in citizen once (again: revises it, 200), anyone else "
            + "anonymously a few times per address and day; a comment is held for moderation")
    @APIResponseSchema(value = EvaluationDto.class, responseCode = "201", responseDescription = "评议已收到；评论审核通过后公开")
    @APIResponse(responseCode = "200", description = "您（已登录的群众）此前的评议已修改，仍只计一次 (revised)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationDto.class)))
    @APIResponse(responseCode = "429", description = "提交过于频繁，或同一地址今日匿名评议这项承诺已达上限；请按 Retry-After 等待，或登录后评议 (rate-limited, anonymous-evaluations-per-day)")
    public Response evaluate(@PathParam("id") UUID commitmentId,
                             @NotNull(message = "请求体不能为空") @Valid NewEvaluation request,
                             @Context HttpServerRequest http) {
        EvaluationService.Outcome outcome = evaluations.evaluate(commitmentId, request.rating(), request.comment(),
                PublicInputLimiter.clientKey(http));
        Evaluation e = outcome.evaluation();
        EvaluationDto shown = new EvaluationDto(e.id, e.commitmentId, e.rating, e.comment, e.commentStatus, null,
                e.verified(), e.createdAt, e.revisedAt);
        Response.Status status = outcome.revised() ? Response.Status.OK : Response.Status.CREATED;
        return AggregateHeaders.answer(Response.status(status), e, shown);
    }

    @GET
    @PermitAll
    @Operation(summary = "Counts per rating, the satisfaction rate and the approved comments")
    public SummaryDto summary(@PathParam("id") UUID commitmentId) {
        EvaluationService.Summary summary = evaluations.summary(commitmentId);
        return new SummaryDto(summary.evaluations(), summary.verified(), summary.anonymous(), summary.ratings(),
                summary.satisfactionRate(),
                summary.approvedComments().stream().map(EvaluationDto::of).toList());
    }
}
