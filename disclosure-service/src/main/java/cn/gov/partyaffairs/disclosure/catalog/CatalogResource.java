package cn.gov.partyaffairs.disclosure.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The county catalog (公开目录): nine categories, 57 items. What is disclosed is no secret. */
@Path("/catalog")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogResource {

    private final CatalogRepository catalog;

    public CatalogResource(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "The catalog's categories, each with its items")
    public List<Category> catalog() {
        var items = catalog.items();
        return catalog.categories().stream()
                .map(c -> new Category(c.code, c.name, items.stream()
                        .filter(i -> i.categoryCode.equals(c.code))
                        .map(i -> new Item(i.code, i.name, i.scope, i.timing, i.withinDays, List.of(i.channels.split(","))))
                        .toList()))
                .toList();
    }

    public record Category(String code, String name, List<Item> items) {
    }

    /**
     * @param timing     REGULAR (every period of the organization's cadence) or EVENT (within {@code withinDays})
     * @param channels   default channel codes
     */
    public record Item(String code, String name, Scope scope, String timing, Integer withinDays, List<String> channels) {
    }
}
