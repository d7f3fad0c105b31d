package cn.gov.partyaffairs.platform.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and machine-readable; {@code title} and {@code detail} are
 * for people (Chinese first, as our users read it); {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 问题详情 (application/problem+json)：每个拒绝都是这个形状")
public record Problem(
        @Schema(required = true, description = "稳定的机器可读类型 urn:partyaffairs:problem:<slug>。常见的：validation（400，errors 逐项指出字段）、"
                + "forbidden（403）、not-found（404）、illegal-transition（409，currentState 为当前状态）、duplicate-code（409）、"
                + "rate-limited（429，见 Retry-After）、payload-too-large（413）、uri-too-long（414）、service-unavailable（503，见 Retry-After）、"
                + "internal（500，detail 中有事件编号）；其他 409 的 slug 说明违反的规则（如 content-list-empty、already-evaluated）",
                examples = "urn:partyaffairs:problem:validation")
        String type,
        @Schema(required = true, description = "给人看的标题，中文在前") String title,
        @Schema(required = true, description = "HTTP 状态码") int status,
        @Schema(description = "说明怎么办，中文") String detail,
        @Schema(description = "出错的请求路径") String instance,
        @Schema(description = "409 时记录的当前状态") String currentState,
        @Schema(description = "要更正的字段（400）") List<FieldError> errors,
        @JsonIgnore Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:partyaffairs:problem:";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, currentState, errors, retryAfterSeconds);
    }

    public Problem withCurrentState(String state) {
        return new Problem(type, title, status, detail, instance, state, errors, retryAfterSeconds);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, currentState, fieldErrors, retryAfterSeconds);
    }

    /** A refusal that passes with time (429, 503): the response says when to try again ({@code Retry-After}). */
    public Problem withRetryAfter(java.time.Duration wait) {
        return new Problem(type, title, status, detail, instance, currentState, errors,
                Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    /** One offending field: its JSON path in the request body and what to fix. */
    @Schema(name = "ProblemFieldError")
    public record FieldError(@Schema(required = true, description = "请求体中的 JSON 路径，如 milestones[0].title") String field,
                             @Schema(required = true, description = "要怎样更正，中文") String message) {
    }
}
