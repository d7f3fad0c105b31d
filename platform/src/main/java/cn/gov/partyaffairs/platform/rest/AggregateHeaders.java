package cn.gov.partyaffairs.platform.rest;

import jakarta.ws.rs.core.Response;

import java.util.UUID;

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
}
