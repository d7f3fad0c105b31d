package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.platform.publicinput.PublicInputLimiter;
import cn.gov.partyaffairs.platform.rest.AggregateHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Comments of the public on published public disclosures: anyone may read the approved ones and comment. */
@Path("/disclosures/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;

    public CommentResource(CommentService comments) {
        this.comments = comments;
    }

    /**
     * @param authorName how the commenter wishes to be shown (optional; 匿名群众 otherwise)
     * @param body       the comment; markup is removed
     */
    public record NewComment(@Size(max = 50, message = "称呼最多 50 字") String authorName,
                             @NotBlank(message = "请填写评论内容") @Size(max = 2000, message = "评论过长") String body) {
    }

    /** What anyone may see of a comment; the moderation fields only reach moderators. */
    public record CommentDto(UUID id, UUID disclosureId, String authorName, String body, Comment.Status status,
                             String rejectReason, OffsetDateTime createdAt) {
        public static CommentDto of(Comment c) {
            return new CommentDto(c.id, c.disclosureId, c.authorName, c.body, c.status, c.rejectReason, c.createdAt);
        }
    }

    public record Approved(long count, List<CommentDto> comments) {
    }

    @POST
    @PermitAll
    @Operation(summary = "Comment on a published public disclosure (anyone; held for moderation)")
    @APIResponseSchema(value = CommentDto.class, responseCode = "202", responseDescription = "评论已收到，审核通过后公开")
    @APIResponse(responseCode = "429", description = "提交过于频繁，请按 Retry-After 等待后重试 (rate-limited)")
    public Response comment(@PathParam("id") UUID disclosureId,
                            @NotNull(message = "请求体不能为空") @Valid NewComment request,
                            @Context HttpServerRequest http) {
        Comment comment = comments.submit(disclosureId, request.authorName(), request.body(),
                PublicInputLimiter.clientKey(http));
        return AggregateHeaders.answer(Response.accepted(), comment, CommentDto::of);
    }

    @GET
    @PermitAll
    @Operation(summary = "Approved comments and their count (已有N人发表了评论)")
    public Approved approved(@PathParam("id") UUID disclosureId) {
        List<CommentDto> approved = comments.approved(disclosureId).stream().map(CommentDto::of).toList();
        return new Approved(approved.size(), approved);
    }
}
