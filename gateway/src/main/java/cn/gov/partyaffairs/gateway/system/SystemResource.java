package cn.gov.partyaffairs.gateway.system;

import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.security.SystemScope;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Other departments' systems and what each may do beyond reading the aggregates: the county admin grants and revokes
 * scopes ({@link SystemScope}) here, from the console. The owning services enforce them from the system's token, so
 * a change applies to the next token the system obtains (within the realm's token lifespan).
 */
@Path("/api/v1/internal/systems")
@RolesAllowed(Caller.COUNTY_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SystemResource {

    private static final String SCOPES = "授权项，如 commitments:progress；每个系统可授予的见列表中的 scopes";

    private final KeycloakSystems systems;
    private final JsonWebToken token;

    public SystemResource(KeycloakSystems systems, JsonWebToken token) {
        this.systems = systems;
        this.token = token;
    }

    @GET
    @Operation(summary = "The systems that may sign in with client credentials (role integration): what each is bound to "
            + "and which scopes it holds")
    public List<KeycloakSystems.SystemDto> list() {
        return systems.systems(token.getRawToken());
    }

    @PUT
    @Path("{clientId}/scopes/{scope}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Grant a system a scope: it is in the system's next token")
    public KeycloakSystems.SystemDto grant(@PathParam("clientId") String clientId,
                                           @PathParam("scope") @Parameter(description = SCOPES) String scope) {
        return systems.grant(token.getRawToken(), clientId, scope(scope), true);
    }

    @DELETE
    @Path("{clientId}/scopes/{scope}")
    @Operation(summary = "Revoke a scope: the system's next token is without it")
    public KeycloakSystems.SystemDto revoke(@PathParam("clientId") String clientId,
                                            @PathParam("scope") @Parameter(description = SCOPES) String scope) {
        return systems.grant(token.getRawToken(), clientId, scope(scope), false);
    }

    private static SystemScope scope(String value) {
        return SystemScope.of(value).orElseThrow(() -> ProblemException.invalid("scope", "没有授权项 " + value + "，可授予："
                + Arrays.stream(SystemScope.values()).map(SystemScope::value).collect(Collectors.joining("、"))));
    }
}
