package cn.gov.partyaffairs.platform.http;

import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The protection headers on every answer — pages, JSON, problems, 401s and static files alike: no framing
 * ({@code frame-ancestors 'none'} and {@code X-Frame-Options}), no content sniffing, no referrer leaving the site, a
 * Content-Security-Policy (a service's API answers need nothing at all; the gateway's pages bring their own policy,
 * {@link PagePolicy}), and HSTS where the installation sets one (production, behind TLS).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** What an API answer may load: nothing; what may frame it: nobody. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** A module that serves pages says what they may load; without one, {@link #API_POLICY} holds. */
    public interface PagePolicy {
        String contentSecurityPolicy();
    }

    private final String policy;
    private final Optional<String> hsts;

    public SecurityHeaders(Instance<PagePolicy> pages,
                           @ConfigProperty(name = "platform.http.strict-transport-security") Optional<String> hsts) {
        this.policy = pages.isResolvable() ? pages.get().contentSecurityPolicy() : API_POLICY;
        this.hsts = hsts.filter(value -> !value.isBlank());
    }

    /** Called first thing for every request by {@link RequestGuard}, so that its refusals carry them too. */
    void applyTo(MultiMap headers) {
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        hsts.ifPresent(value -> headers.set("Strict-Transport-Security", value));
    }
}
