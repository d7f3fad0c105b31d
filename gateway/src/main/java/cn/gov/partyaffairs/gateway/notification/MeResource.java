package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.gateway.notification.NotificationDtos.FollowRequest;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.FollowedTarget;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.FollowedTargets;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.NotificationInbox;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.NotificationSettings;
import cn.gov.partyaffairs.gateway.notification.NotificationDtos.NotificationSettingsChange;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * The signed-in person's own follows, notifications and mail settings: a citizen follows from the portal, an
 * official reads the notifications of their work in the console. Every call refreshes what the gateway knows of the
 * account from its token (its e-mail, its role and binding), which is how the notifications find it.
 */
@Path("/api/v1/me")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Accounts accounts;
    private final Follows follows;
    private final Notifications notifications;
    private final Caller caller;
    private final JsonWebToken token;

    public MeResource(Accounts accounts, Follows follows, Notifications notifications, Caller caller,
                      JsonWebToken token) {
        this.accounts = accounts;
        this.follows = follows;
        this.notifications = notifications;
        this.caller = caller;
        this.token = token;
    }

    private String me() {
        if (caller.isSystem()) {
            throw ProblemException.forbidden("系统账号没有通知；请用个人账号登录");
        }
        return accounts.remember(caller, token);
    }

    @GET
    @Path("follows")
    @RolesAllowed(Caller.CITIZEN)
    @Operation(summary = "What I follow (我的关注): organizations, commitments and catalog categories")
    public FollowedTargets follows() {
        return new FollowedTargets(follows.list(me()));
    }

    @POST
    @Path("follows")
    @RolesAllowed(Caller.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow an organization, a commitment or a catalog category (关注); again changes nothing")
    public FollowedTarget follow(@Valid @NotNull(message = "请提供要关注的对象") FollowRequest request) {
        return follows.follow(me(), request.kind(), request.code().strip());
    }

    @DELETE
    @Path("follows/{kind}/{code}")
    @RolesAllowed(Caller.CITIZEN)
    @Operation(summary = "Stop following (取消关注)")
    public FollowedTargets unfollow(@PathParam("kind") String kind, @PathParam("code") String code) {
        FollowKind what;
        try {
            what = FollowKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "关注的类型只能是 ORGANIZATION、COMMITMENT 或 CATEGORY");
        }
        String me = me();
        follows.unfollow(me, what, code);
        return new FollowedTargets(follows.list(me));
    }

    @GET
    @Path("notifications")
    @Operation(summary = "My notifications, newest first, with how many are unread (我的通知)")
    public NotificationInbox notifications() {
        return notifications.inbox(me());
    }

    @POST
    @Path("notifications/{id}/read")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark one of my notifications read")
    public NotificationInbox read(@PathParam("id") UUID id) {
        String me = me();
        notifications.markRead(me, id);
        return notifications.inbox(me);
    }

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark all my notifications read (全部已读)")
    public NotificationInbox readAll() {
        String me = me();
        notifications.markRead(me, null);
        return notifications.inbox(me);
    }

    @GET
    @Path("notification-settings")
    @Operation(summary = "Where my notification mail goes and how often")
    public NotificationSettings settings() {
        String me = me();
        Accounts.Account account = accounts.find(me).orElseThrow();
        return new NotificationSettings(account.email(), account.delivery());
    }

    @PUT
    @Path("notification-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose mail per notification (IMMEDIATE), a daily digest (DIGEST) or none (NONE)")
    public NotificationSettings change(@Valid @NotNull(message = "请选择接收方式") NotificationSettingsChange change) {
        String me = me();
        accounts.deliver(me, change.delivery());
        Accounts.Account account = accounts.find(me).orElseThrow();
        return new NotificationSettings(account.email(), account.delivery());
    }
}
