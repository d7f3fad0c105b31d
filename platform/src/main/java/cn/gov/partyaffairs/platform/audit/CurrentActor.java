package cn.gov.partyaffairs.platform.audit;

import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is acting now: the caller of the HTTP request being served (read from {@link Caller}), or, outside any request
 * (a periodic check, a consumer of another service's events), the service itself. Every event a service appends to
 * its outbox is stamped with it, so that the audit trail names the actor of every change without each command
 * having to say so.
 */
@ApplicationScoped
public class CurrentActor {

    private final String service;

    public CurrentActor(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    public Actor get() {
        if (!Arc.container().requestContext().isActive() || !inHttpRequest()) {
            return Actor.service(service);
        }
        try (InstanceHandle<Caller> handle = Arc.container().instance(Caller.class)) {
            return handle.get().actor();
        }
    }

    /** A request context is also active around some message handlers; only an HTTP request has a caller. */
    private static boolean inHttpRequest() {
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            return request.isAvailable() && request.get().getCurrent() != null;
        }
    }
}
