package cn.gov.partyaffairs.platform.error;

import cn.gov.partyaffairs.platform.db.DatabaseUnavailable;
import cn.gov.partyaffairs.platform.http.EnumParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become {@code application/problem+json}. A caller's mistake is a 4xx naming what to
 * fix; a database that cannot be reached is a 503 with {@code Retry-After} (the command was rolled back: nothing
 * was saved, and sending it again later is safe); anything else unexpected is a 500 with an incident id to quote,
 * and never the exception's type or message.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a caller waits before trying again while the database is away (a restart takes seconds). */
    public static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * The answer to any request that failed because the database could not be reached. Every command runs in one
     * transaction with its outbox row, so a failure before the commit leaves neither the change nor its event.
     */
    public static Problem databaseUnavailable() {
        return Problem.of("service-unavailable", "服务暂不可用 Service unavailable", 503,
                "数据库暂时无法连接，本次操作没有保存任何内容，请稍后（约 5 秒）重试"
                        + " (the database cannot be reached right now: nothing was saved, please try again in a few seconds)")
                .withRetryAfter(DATABASE_RETRY_AFTER);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return respond(Problem.of("validation", "请求内容有误 Invalid request", 400, "请更正标出的字段后重新提交")
                .withErrors(errors), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadableBody(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "无权操作 Forbidden", 403, "您的角色或所属组织无权执行此操作"), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(EnumParameters.InvalidParameterException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status == 401) {
            return original; // keeps the WWW-Authenticate challenge
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        return respond(Problem.of("http-" + status, reason, status, reason), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            // Expected while the database restarts: no stack trace per request, one line naming the cause.
            LOG.warnf("Database unreachable on %s: %s", uri.getPath(), DatabaseUnavailable.describe(e));
            return respond(databaseUnavailable(), uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s, on %s", incident, uri.getPath());
        return respond(Problem.of("internal", "系统内部错误 Internal error", 500,
                "服务暂时出错，您填写的内容未丢失，请稍后重试。如持续出现请报告编号 " + incident), uri);
    }

    private Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        Problem problem = Problem.of("validation", "请求内容有误 Invalid request", 400,
                "请求体不是有效的 JSON 或字段类型不对 (request body is not valid JSON for this operation)");
        if (!field.isEmpty()) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, whatToFix(e))));
        }
        return respond(problem, uri);
    }

    /** What the caller should send instead, as far as the mapping error tells. */
    private static String whatToFix(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> target = format.getTargetType();
            if (target.isEnum()) {
                String names = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining("、"));
                return "须为以下名称之一（不接受序号）：" + names;
            }
            if (target == String.class) {
                return "文本中不能有 NUL 等控制字符";
            }
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            Class<?> target = mismatched.getTargetType();
            if (target == String.class) {
                return "须为文本（JSON 字符串，带引号）";
            }
            if (target.isEnum()) {
                return "须为名称（JSON 字符串），不接受序号";
            }
            if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class
                    || target == double.class) {
                return "须为数字（不带引号）";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "须为 true 或 false";
            }
        }
        return "类型或格式不正确 (wrong type or format)";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The JSON field name of a violated constraint: the path minus the method and parameter segments. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Response respond(Problem problem, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()));
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }
}
