package cn.gov.partyaffairs.gateway.api;

import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The paths of before versioning ({@code /api/public/...}, {@code /api/internal/...}) answer as their
 * {@code /api/v1/...} successors do, rerouted on the way in, so that no system built on them breaks; each answer says
 * so, as RFC 9745 and RFC 8594 have it: {@code Deprecation} (since when), {@code Sunset} (after when they may be
 * removed) and {@code Link} to the successor and to the policy ({@code /api.html}, docs/api-versions.md).
 */
@ApplicationScoped
public class ApiAliases {

    public static final String V1 = "/api/v1";
    private static final List<String> UNVERSIONED = List.of("/api/public", "/api/internal");
    /** Kept on the rerouted request: the successor's path, for the headers of the answer. */
    private static final String SUCCESSOR = ApiAliases.class.getName() + ".successor";

    private final String deprecation;
    private final String sunset;

    public ApiAliases(GatewayConfig config) {
        this.deprecation = "@" + config.aliases().deprecatedSince().toEpochSecond();
        this.sunset = DateTimeFormatter.RFC_1123_DATE_TIME.format(config.aliases().sunset().withOffsetSameInstant(ZoneOffset.UTC));
    }

    void install(@Observes Router router) {
        // Before the body is read and before authentication: the successor's rules are the ones that apply.
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::route);
    }

    void route(RoutingContext rc) {
        String successor = rc.get(SUCCESSOR);
        if (successor != null) {
            // Rerouting cleared the response headers; this is the second pass, on the successor's path.
            MultiMap headers = rc.response().headers();
            headers.set("Deprecation", deprecation);
            headers.set("Sunset", sunset);
            headers.add("Link", "<" + successor + ">; rel=\"successor-version\"");
            headers.add("Link", "</api.html>; rel=\"deprecation\"; type=\"text/html\"");
            rc.next();
            return;
        }
        String uri = rc.request().uri();
        String alias = UNVERSIONED.stream().filter(prefix -> uri.equals(prefix) || uri.startsWith(prefix + "/")
                || uri.startsWith(prefix + "?")).findFirst().orElse(null);
        if (alias == null) {
            rc.next();
            return;
        }
        // The raw URI with only its prefix changed: the forwarder checks the rest exactly as it came.
        String rerouted = V1 + uri.substring("/api".length());
        int query = rerouted.indexOf('?');
        rc.put(SUCCESSOR, query < 0 ? rerouted : rerouted.substring(0, query));
        rc.reroute(rerouted);
    }
}
