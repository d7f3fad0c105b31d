package cn.gov.partyaffairs.gateway.notification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The requests and answers of /api/v1/me (names distinct across the suite's merged API document). */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    /** Follow something: its kind and code (an organization's code, a commitment's id, a category such as C8). */
    public record FollowRequest(
            @NotNull(message = "请选择关注的类型：ORGANIZATION、COMMITMENT 或 CATEGORY") FollowKind kind,
            @NotNull(message = "请填写关注对象的编码") @Size(min = 1, max = 64, message = "编码为 1–64 个字符") String code) {
    }

    /** One thing followed, with its name as the portal shows it and its page. */
    public record FollowedTarget(FollowKind kind, String code, String name, String link, OffsetDateTime followedAt) {
    }

    public record FollowedTargets(List<FollowedTarget> follows) {
    }

    /** One notification of the signed-in person; {@code read} once they opened it or marked all read. */
    public record NotificationItem(UUID id, String kind, String title, String body, String link,
                                   OffsetDateTime occurredAt, boolean read) {
    }

    /** The newest notifications and how many are unread in all. */
    public record NotificationInbox(long unread, List<NotificationItem> items) {
    }

    /** Where mail goes (the account's e-mail as Keycloak holds it) and how often. */
    public record NotificationSettings(String email, Delivery delivery) {
    }

    public record NotificationSettingsChange(
            @NotNull(message = "请选择接收方式：IMMEDIATE（逐条）、DIGEST（每日汇总）或 NONE（不发邮件）") Delivery delivery) {
    }
}
