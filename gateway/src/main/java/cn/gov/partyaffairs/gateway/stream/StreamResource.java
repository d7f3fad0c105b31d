package cn.gov.partyaffairs.gateway.stream;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import cn.gov.partyaffairs.platform.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Server-Sent Events of what happens, live (the two resources below): each event's id is its position in the gateway's event log, so a client
 * that reconnects with {@code Last-Event-ID} gets exactly what it missed. A comment line every 15 s keeps idle
 * connections open through proxies.
 */
@ApplicationScoped
public class StreamResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventStream stream;
    private final ObjectMapper mapper;

    public StreamResource(EventStream stream, ObjectMapper mapper) {
        this.stream = stream;
        this.mapper = mapper;
    }

    /** What a stream client receives of one event; {@code data} is the event's own JSON body. */
    public record StreamedEvent(long seq, String id, String type, UUID subject, long aggregateVersion,
                                OffsetDateTime time, String organizationCode, JsonNode data) {
    }

    /** Public-safe events only. Its own root path: JAX-RS picks one root resource and does not fall back. */
    @Path("/api/public/stream")
    public static class Public {
        private final StreamResource streams;

        public Public(StreamResource streams) {
            this.streams = streams;
        }

        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        @Blocking
        @Operation(summary = "Live public-safe events (SSE); resume with Last-Event-ID")
        public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId,
                                              @QueryParam("lastEventId") String resumeFrom, @Context Sse sse) {
            return streams.events(streams.start(lastEventId, resumeFrom), StreamScope.PUBLIC, sse);
        }
    }

    /** Events within the caller's scope. */
    @Path("/api/internal/stream")
    @Authenticated
    public static class Internal {
        private final StreamResource streams;
        private final Caller caller;

        public Internal(StreamResource streams, Caller caller) {
            this.streams = streams;
            this.caller = caller;
        }

        @GET
        @Produces(MediaType.SERVER_SENT_EVENTS)
        @Blocking
        @Operation(summary = "Live events within the caller's scope (SSE); resume with Last-Event-ID")
        public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId,
                                              @QueryParam("lastEventId") String resumeFrom, @Context Sse sse) {
            return streams.events(streams.start(lastEventId, resumeFrom), StreamScope.of(caller), sse);
        }
    }

    long start(String lastEventId, String resumeFrom) {
        String given = lastEventId != null && !lastEventId.isBlank() ? lastEventId : resumeFrom;
        if (given != null && given.strip().matches("\\d{1,18}")) {
            return Long.parseLong(given.strip());
        }
        return stream.head();
    }

    Multi<OutboundSseEvent> events(long after, StreamScope scope, Sse sse) {
        Multi<OutboundSseEvent> events = stream.after(after, scope).map(entry -> sse.newEventBuilder()
                .id(Long.toString(entry.seq))
                .name(shortType(entry.type))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(StreamedEvent.class, streamed(entry))
                .build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, keepAlive);
    }

    private StreamedEvent streamed(EventLogEntry entry) {
        try {
            return new StreamedEvent(entry.seq, entry.eventId, entry.type, entry.subject, entry.aggregateVersion,
                    entry.occurredAt, entry.organizationCode, mapper.readTree(entry.data));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable event log entry " + entry.seq, e);
        }
    }

    /** {@code cn.gov.partyaffairs.disclosure.DisclosurePublished.v1} → {@code DisclosurePublished}. */
    static String shortType(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
