package cn.gov.partyaffairs.gateway.web;

import cn.gov.partyaffairs.platform.http.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * What the portal, console and dashboard may load: their own scripts and styles only (no inline script or style,
 * no eval), data from this gateway, and — for the console's login (PKCE) — the token endpoint of the realm. Nobody
 * may frame them.
 */
@ApplicationScoped
public class PagePolicy implements SecurityHeaders.PagePolicy {

    private final String policy;

    public PagePolicy(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
                      @ConfigProperty(name = "gateway.web.auth-server-url") Optional<String> browserAuthServerUrl) {
        URI realm = URI.create(browserAuthServerUrl.orElse(authServerUrl));
        String origin = realm.getScheme() + "://" + realm.getRawAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + origin + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public String contentSecurityPolicy() {
        return policy;
    }
}
