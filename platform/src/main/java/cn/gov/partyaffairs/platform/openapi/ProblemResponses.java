package cn.gov.partyaffairs.platform.openapi;

import cn.gov.partyaffairs.platform.error.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * Every refusal in the OpenAPI document as what it is on the wire, an RFC 9457 problem ({@link Problem},
 * {@link ProblemDocumentation}): the responses an operation declares (401, 403 from its roles; 429 where it says
 * so) get the problem media type and schema, and the refusals every operation can give are declared on each — 400
 * (bad input is refused before any resource, {@code http/RequestGuard}), 404 where the path names a record, 409 where
 * a command meets a state that does not allow it, 503 with Retry-After while the database or the owning service
 * cannot be reached. Runs at build time, so the stored document, which the gateway
 * merges and the client is generated from, has them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "请求内容有误：problem 的 errors 逐项指出要更正的字段 (validation)",
            "401", "未登录或令牌无效 (no valid token)",
            "403", "无权操作：角色、所属组织或系统授权不允许 (forbidden)",
            "404", "记录不存在 (not-found)",
            "409", "与当前状态冲突：problem 的 type 说明哪条规则，currentState 说明当前状态 (illegal-transition, duplicate-code …)",
            "429", "提交过于频繁，请按 Retry-After 等待后重试 (rate-limited)",
            "503", "服务暂不可用：数据库或后台服务暂时无法连接，请按 Retry-After 等待后重试；detail 说明是否可能已保存 (service-unavailable)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            APIResponses responses = operation.getResponses();
            declare(responses, "400");
            declare(responses, "503"); // any operation, while the database or the owning service is away
            if (path.contains("{")) {
                declare(responses, "404");
            }
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                declare(responses, "409");
            }
            responses.getAPIResponses().forEach((code, response) -> asProblem(code, response));
        }));
    }

    private static void declare(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code)));
        }
    }

    /** A refusal with a body is a problem; 401 stays without one (the challenge is in WWW-Authenticate). */
    private static void asProblem(String code, APIResponse response) {
        if (DESCRIPTIONS.containsKey(code) && (response.getDescription() == null || response.getDescription().isBlank()
                || isFrameworkDefault(response.getDescription()))) {
            response.description(DESCRIPTIONS.get(code));
        }
        if (!(code.startsWith("4") || code.startsWith("5")) || code.equals("401")) {
            return;
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema()
                            .ref(ProblemDocumentation.SCHEMA))));
        }
    }

    /** The bare descriptions the framework writes ("Not Allowed", "Bad Request"), which tell a reader nothing. */
    private static boolean isFrameworkDefault(String description) {
        return description.equals("Not Allowed") || description.equals("Not Authorized") || description.equals("Bad Request");
    }
}
