package cn.gov.partyaffairs.disclosure.comment;

import cn.gov.partyaffairs.disclosure.comment.CommentResource.CommentDto;
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

/** The county office moderates the public's comments before they are shown. */
@Path("/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.COUNTY_ADMIN)
public class CommentModerationResource {

    private final CommentService comments;

    public CommentModerationResource(CommentService comments) {
        this.comments = comments;
    }

    @GET
    @Path("pending")
    @Operation(summary = "The moderation queue, oldest first")
    public List<CommentDto> queue() {
        return comments.queue().stream().map(CommentDto::of).toList();
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Approve a comment: it becomes public")
    @APIResponseSchema(value = CommentDto.class, responseCode = "200", responseDescription = "评论已通过，公开显示")
    public Response approve(@PathParam("id") UUID id) {
        Comment comment = comments.approve(id);
        return AggregateHeaders.answer(Response.ok(), comment, CommentDto::of);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a comment, with the reason")
    @APIResponseSchema(value = CommentDto.class, responseCode = "200", responseDescription = "评论未通过，附理由")
    public Response reject(@PathParam("id") UUID id, @NotNull(message = "请求体不能为空") @Valid Moderation.Rejection request) {
        Comment comment = comments.reject(id, request.reason());
        return AggregateHeaders.answer(Response.ok(), comment, CommentDto::of);
    }
}
