package cn.gov.partyaffairs.gateway.notification;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One-click unsubscribe from every mail, without signing in: the link's signed token names the account. Opening the
 * link unsubscribes (mail programs' {@code List-Unsubscribe-Post} does the same with a POST, RFC 8058); the portal's
 * 通知 page turns mail on again. The notifications themselves stay in the portal. A link that is not valid answers
 * 400 with a page that says what to do (a person opened it), not a problem document.
 */
@Path(UnsubscribeLinks.PATH)
@Blocking
@Produces(UnsubscribeResource.HTML)
public class UnsubscribeResource {

    static final String HTML = "text/html;charset=UTF-8";

    private final UnsubscribeLinks links;
    private final Accounts accounts;

    public UnsubscribeResource(UnsubscribeLinks links, Accounts accounts) {
        this.links = links;
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "Unsubscribe from notification mail with the link's token (退订邮件，无需登录)")
    @APIResponse(responseCode = "200", description = "已退订",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Response open(@QueryParam("token") String token) {
        return unsubscribe(token);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "One-click unsubscribe as mail programs do it (List-Unsubscribe-Post, RFC 8058)")
    @APIResponse(responseCode = "200", description = "已退订",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    public Response oneClick(@QueryParam("token") String token) {
        return unsubscribe(token);
    }

    private Response unsubscribe(String token) {
        var subject = links.subject(token);
        if (subject.isEmpty() || accounts.find(subject.get()).isEmpty()) {
            return Response.status(400).entity(page("退订链接无效",
                    "这个退订链接不完整或已失效。请从最近一封通知邮件里的链接打开，或登录后在“通知”页面选择不接收邮件。")).build();
        }
        accounts.deliver(subject.get(), Delivery.NONE);
        return Response.ok(page("已退订通知邮件",
                "今后不再给您发送通知邮件；平台“通知”页面里仍能看到您的通知。如需恢复，请登录后在“通知”页面选择接收方式。")).build();
    }

    private static String page(String title, String text) {
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · 玉屏县党务公开</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main id="main"><h1>%s</h1><p>%s</p>
                <p><a href="/notifications.html">通知与关注</a> · <a href="/">返回首页</a></p></main></body></html>
                """.formatted(title, title, text);
    }
}
