package cn.gov.partyaffairs.gateway.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Tells the officials' console where to log in. The pages are static files, so the realm's address, which differs
 * per installation (and per suite: 8180, 18180 …), comes from the gateway's own OIDC setting rather than the page.
 */
@Path("/web-config.json")
public class WebConfigResource {

    /**
     * @param authServerUrl the realm as the browser reaches it
     * @param clientId      the realm's public client for browsers (authorization code with PKCE)
     */
    public record WebConfig(String authServerUrl, String clientId) {
    }

    private final WebConfig config;

    /**
     * @param browserAuthServerUrl where browsers reach the realm, when that differs from where the gateway does
     */
    public WebConfigResource(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "gateway.web.auth-server-url") Optional<String> browserAuthServerUrl,
            @ConfigProperty(name = "gateway.web.client-id", defaultValue = "console") String clientId) {
        this.config = new WebConfig(browserAuthServerUrl.orElse(authServerUrl).replaceAll("/+$", ""), clientId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public WebConfig get() {
        return config;
    }
}
