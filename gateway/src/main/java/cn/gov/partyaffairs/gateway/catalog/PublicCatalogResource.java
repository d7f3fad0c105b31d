package cn.gov.partyaffairs.gateway.catalog;

import cn.gov.partyaffairs.gateway.publicapi.CachedReads;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** What the public may know, it can read: the catalog of what is disclosed, by whom, when and how. Anonymous. */
@Path("/api/v1/public/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class PublicCatalogResource {

    private final CatalogReadModel catalog;
    private final CachedReads cached;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    public PublicCatalogResource(CatalogReadModel catalog, CachedReads cached) {
        this.catalog = catalog;
        this.cached = cached;
    }

    @GET
    @Operation(summary = "The county's disclosure catalog: nine categories, each item's scope, timing, default "
            + "channels and how many organizations disclose it")
    public Uni<RestResponse<PublicCatalog>> catalog() {
        return cached.json(uri, headers, catalog::read);
    }
}
