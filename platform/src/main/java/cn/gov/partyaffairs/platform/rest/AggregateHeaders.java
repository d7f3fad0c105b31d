package cn.gov.partyaffairs.platform.rest;

import cn.gov.partyaffairs.platform.aggregate.Aggregate;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.Function;

/**
 * Response headers of a command that changed an aggregate. The gateway reads them to wait until its own read
 * model has applied that version before it answers (read-your-writes).
 */
public final class AggregateHeaders {
    public static final String AGGREGATE_ID = "Aggregate-Id";
    public static final String AGGREGATE_VERSION = "Aggregate-Version";

    private AggregateHeaders() {
    }

    public static Response.ResponseBuilder tag(Response.ResponseBuilder response, UUID aggregateId, long version) {
        return response.header(AGGREGATE_ID, aggregateId).header(AGGREGATE_VERSION, version);
    }

    /** The answer to a command that changed {@code aggregate}: its id and version as headers, {@code body} as entity. */
    public static Response answer(Response.ResponseBuilder response, Aggregate aggregate, Object body) {
        return tag(response, aggregate.id, aggregate.version).entity(body).build();
    }

    /** The answer to a command that changed {@code aggregate}, its body made from it (a resource's DTO). */
    public static <A extends Aggregate> Response answer(Response.ResponseBuilder response, A aggregate,
                                                        Function<? super A, ?> body) {
        return answer(response, aggregate, (Object) body.apply(aggregate));
    }
}
