package cn.gov.partyaffairs.gateway.feed;

import cn.gov.partyaffairs.gateway.publicapi.CachedReads;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Atom 1.0 feeds (RFC 4287) of what the public API shows, for feed readers, without an account: an organization,
 * a catalog category, a township, a commitment, the county. From memory while the read models stay as they were,
 * with an ETag like every public read ({@link CachedReads}).
 */
@Path("/api/v1/public/feeds")
@Produces(FeedResource.ATOM)
public class FeedResource {

    static final String ATOM = AtomFeed.MEDIA_TYPE + ";charset=UTF-8";

    private final FeedQueries feeds;
    private final CachedReads cached;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    public FeedResource(FeedQueries feeds, CachedReads cached) {
        this.feeds = feeds;
        this.cached = cached;
    }

    @GET
    @Path("county")
    @Operation(summary = "Atom feed: the county's latest public disclosures (订阅全县最新公开)")
    @APIResponse(responseCode = "200", description = "Atom 1.0 订阅源",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> county() {
        return atom(feeds::county);
    }

    @GET
    @Path("organizations/{code}")
    @Operation(summary = "Atom feed: one organization's public disclosures, their corrections and withdrawals")
    @APIResponse(responseCode = "200", description = "Atom 1.0 订阅源",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> organization(@PathParam("code") String code) {
        return atom(() -> feeds.organization(code));
    }

    @GET
    @Path("categories/{code}")
    @Operation(summary = "Atom feed: the latest public disclosures of one catalog category (e.g. C8)")
    @APIResponse(responseCode = "200", description = "Atom 1.0 订阅源",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> category(@PathParam("code") String code) {
        return atom(() -> feeds.category(code));
    }

    @GET
    @Path("townships/{code}")
    @Operation(summary = "Atom feed: the latest public disclosures of a township committee and every organization under it")
    @APIResponse(responseCode = "200", description = "Atom 1.0 订阅源",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> township(@PathParam("code") String code) {
        return atom(() -> feeds.township(code));
    }

    @GET
    @Path("commitments/{id}")
    @Operation(summary = "Atom feed: one commitment as it went: pledged, progress reports, fulfilled, overdue, "
            + "milestones missed, withdrawn")
    @APIResponse(responseCode = "200", description = "Atom 1.0 订阅源",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> commitment(@PathParam("id") UUID id) {
        return atom(() -> feeds.commitment(id));
    }

    private Uni<Response> atom(Supplier<AtomFeed> feed) {
        return cached.answer(uri, headers, ATOM, () -> new CachedReads.Rendered(200, feed.get().write()));
    }
}
