package cn.gov.partyaffairs.platform.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and machine-readable; {@code title} and {@code detail} are
 * for people (Chinese first, as our users read it); {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String currentState, List<FieldError> errors,
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
    public record FieldError(String field, String message) {
    }
}
