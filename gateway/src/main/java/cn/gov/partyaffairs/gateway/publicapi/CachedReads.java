package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.readmodel.ReadModelGeneration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The public's reads, answered from memory while the read models stay as they were. An answer is kept, as the bytes
 * sent, under its request (path, query, language) and the read models' generation ({@link ReadModelGeneration},
 * moved by every event any replica applies): the first read after a change asks the database again, every other
 * one costs no more than the liveness check. Answers carry an ETag, so a browser that has one gets 304.
 */
@ApplicationScoped
public class CachedReads {

    /** Room for the county's pages several times over; the least used go first. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Entry(long generation, int status, byte[] body, String etag, String type) {
    }

    /** A page rendered with its status (a missing disclosure's page is a 404 page, kept like any other). */
    public record Rendered(int status, byte[] body) {
    }

    private final Cache<String, Entry> cache = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((String key, Entry entry) -> key.length() * 2 + entry.body().length + 64).build();
    private final ReadModelGeneration generation;
    private final ObjectMapper mapper;

    public CachedReads(ReadModelGeneration generation, ObjectMapper mapper) {
        this.generation = generation;
        this.mapper = mapper;
    }

    /**
     * A JSON answer: from memory if the read models have not changed since, else {@code read} off the event loop.
     * Its type is what {@code read} gives, which the resource method declares (and so the OpenAPI document); what
     * travels is that value's JSON, kept as bytes.
     */
    public <T> Uni<RestResponse<T>> json(UriInfo uri, HttpHeaders headers, Supplier<T> read) {
        return entry(uri, MediaType.APPLICATION_JSON + ";charset=UTF-8", headers, () -> {
            try {
                return new Rendered(200, mapper.writeValueAsBytes(read.get()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).map(entry -> typed(entry, headers));
    }

    /** Any answer rendered to bytes of the given type (a server-rendered page). */
    public Uni<Response> answer(UriInfo uri, HttpHeaders headers, String type, Supplier<Rendered> render) {
        return entry(uri, type, headers, render).map(entry -> respond(entry, headers));
    }

    private Uni<Entry> entry(UriInfo uri, String type, HttpHeaders headers, Supplier<Rendered> render) {
        String key = key(uri, headers);
        long now = generation.current();
        Entry cached = cache.getIfPresent(key);
        if (cached != null && cached.generation() == now) {
            return Uni.createFrom().item(cached);
        }
        return Uni.createFrom().item(() -> {
            ManagedContext request = Arc.container().requestContext();
            boolean activated = !request.isActive();
            if (activated) {
                request.activate();
            }
            try {
                Rendered rendered = render.get();
                Entry entry = new Entry(now, rendered.status(), rendered.body(), etag(rendered.body()), type);
                cache.put(key, entry);
                return entry;
            } finally {
                if (activated) {
                    request.terminate();
                }
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response respond(Entry entry, HttpHeaders headers) {
        String match = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        Response.ResponseBuilder response = match != null && match.contains(entry.etag())
                ? Response.notModified() : Response.status(entry.status()).entity(entry.body()).type(entry.type());
        return response.header(HttpHeaders.ETAG, entry.etag()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    /** As {@link #respond}, typed as the JSON it carries: the entity is that JSON, written as it is. */
    @SuppressWarnings("unchecked")
    private static <T> RestResponse<T> typed(Entry entry, HttpHeaders headers) {
        String match = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        RestResponse.ResponseBuilder<Object> response = match != null && match.contains(entry.etag())
                ? RestResponse.ResponseBuilder.notModified()
                // Written as the JSON it already is: the framework picks the JSON writer for the declared type, which
                // would write bytes as a base64 string.
                : RestResponse.ResponseBuilder.create(entry.status())
                        .entity((Object) new RawValue(new String(entry.body(), StandardCharsets.UTF_8))).type(entry.type());
        return (RestResponse<T>) response.header(HttpHeaders.ETAG, entry.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build();
    }

    private static String key(UriInfo uri, HttpHeaders headers) {
        String language = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        return uri.getRequestUri().getRawPath() + '?' + (uri.getRequestUri().getRawQuery() == null ? ""
                : uri.getRequestUri().getRawQuery()) + '|' + (language == null ? "" : language);
    }

    /** From the content alone: a browser keeps its copy across changes elsewhere in the read models. */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
