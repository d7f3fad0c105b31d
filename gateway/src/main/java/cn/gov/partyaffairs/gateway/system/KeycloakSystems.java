package cn.gov.partyaffairs.gateway.system;

import cn.gov.partyaffairs.platform.error.Problem;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.security.SystemScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The systems and their grants, where they live: in the county realm. A system is a client whose service account has
 * the role {@code integration}; what it is bound to (department, organization) is an attribute of that account, set
 * when the system is registered (deploy/README.md); a grant is one of {@link SystemScope} among the client's default
 * client scopes, so that it is in every token the system obtains. Keycloak's admin REST API is called with the county
 * admin's own token: Keycloak checks their rights (view-realm, view-users, view-clients, manage-clients) and records the change
 * under their name; the gateway holds no credential of its own.
 */
@ApplicationScoped
public class KeycloakSystems {

    private static final Logger LOG = Logger.getLogger(KeycloakSystems.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_ACCOUNT = "service-account-";

    private final URI admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public KeycloakSystems(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realm) {
        // The realm's admin API sits beside it: {server}/realms/{realm} → {server}/admin/realms/{realm}.
        this.admin = URI.create(realm.replaceFirst("/realms/", "/admin/realms/").replaceAll("/+$", "") + "/");
    }

    /** A system as the console shows it. */
    public record SystemDto(String clientId, String name, String departmentCode, String organizationCode,
                            List<Grant> scopes) {
    }

    /** One scope a system may be given, and whether it has it. */
    public record Grant(String scope, String label, String labelEnglish, boolean granted) {
    }

    public List<SystemDto> systems(String token) {
        Map<String, String> scopeIds = scopeIds(token);
        List<SystemDto> systems = new ArrayList<>();
        for (JsonNode account : get(token, "roles/" + Caller.INTEGRATION + "/users?briefRepresentation=false&first=0&max=500")) {
            // Keycloak names a client's service account service-account-<client id> (lower case).
            String clientId = account.path("serviceAccountClientId").asText(
                    account.path("username").asText("").startsWith(SERVICE_ACCOUNT)
                            ? account.path("username").asText().substring(SERVICE_ACCOUNT.length()) : null);
            if (clientId != null) {
                client(token, clientId).ifPresent(client -> systems.add(dto(token, client, account, scopeIds)));
            }
        }
        systems.sort(Comparator.comparing(SystemDto::clientId));
        return systems;
    }

    public SystemDto grant(String token, String clientId, SystemScope scope, boolean granted) {
        Map<String, String> scopeIds = scopeIds(token);
        String scopeId = scopeIds.get(scope.value());
        if (scopeId == null) {
            throw new ProblemException(Problem.of("realm-incomplete", "身份认证系统缺少授权项 Realm incomplete", 409,
                    "县身份认证系统（Keycloak 的 county 领域）中没有客户端范围 " + scope.value() + "，请运维人员按 deploy/README.md 补上"));
        }
        SystemDto system = systems(token).stream().filter(s -> s.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("对接系统", clientId));
        JsonNode client = client(token, clientId).orElseThrow(() -> ProblemException.notFound("对接系统", clientId));
        send(token, HttpRequest.newBuilder(admin.resolve("clients/" + client.path("id").asText()
                + "/default-client-scopes/" + scopeId)).method(granted ? "PUT" : "DELETE",
                HttpRequest.BodyPublishers.noBody()));
        LOG.infof("scope %s %s system %s", scope.value(), granted ? "granted to" : "revoked from", system.clientId());
        return systems(token).stream().filter(s -> s.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private SystemDto dto(String token, JsonNode client, JsonNode account, Map<String, String> scopeIds) {
        Set<String> granted = new HashSet<>();
        get(token, "clients/" + client.path("id").asText() + "/default-client-scopes")
                .forEach(scope -> granted.add(scope.path("name").asText()));
        List<Grant> grants = new ArrayList<>();
        for (SystemScope scope : SystemScope.values()) {
            grants.add(new Grant(scope.value(), scope.label(), scope.labelEnglish(), granted.contains(scope.value())));
        }
        String name = client.path("name").asText("");
        return new SystemDto(client.path("clientId").asText(), name.isBlank() ? client.path("clientId").asText() : name,
                attribute(account, Caller.DEPARTMENT_CLAIM), attribute(account, Caller.ORG_CODE_CLAIM), grants);
    }

    private static String attribute(JsonNode account, String name) {
        JsonNode values = account.path("attributes").path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asText() : null;
    }

    private Optional<JsonNode> client(String token, String clientId) {
        JsonNode found = get(token, "clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
    }

    private Map<String, String> scopeIds(String token) {
        Map<String, String> ids = new HashMap<>();
        get(token, "client-scopes").forEach(scope -> ids.put(scope.path("name").asText(), scope.path("id").asText()));
        return ids;
    }

    private JsonNode get(String token, String path) {
        String body = send(token, HttpRequest.newBuilder(admin.resolve(path)).GET());
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw unavailable("answered " + e.getMessage());
        }
    }

    private String send(String token, HttpRequest.Builder request) {
        HttpResponse<String> answer;
        try {
            answer = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        int status = answer.statusCode();
        if (status == 401 || status == 403) {
            throw ProblemException.forbidden("县身份认证系统拒绝了此操作：您的账号需要 Keycloak 中 realm-management 的 "
                    + "view-realm、view-users、view-clients 和 manage-clients 权限（县党务公开办的角色 county-admin 含有这些权限）");
        }
        if (status / 100 != 2) {
            throw unavailable("HTTP " + status);
        }
        return answer.body();
    }

    private ProblemException unavailable(String why) {
        LOG.warnf("Keycloak's admin API at %s: %s", admin, why);
        return new ProblemException(Problem.of("service-unavailable", "服务暂不可用 Service unavailable", 503,
                "县身份认证系统暂时无法响应，授权未改变，请稍后重试").withRetryAfter(Duration.ofSeconds(5)));
    }
}
