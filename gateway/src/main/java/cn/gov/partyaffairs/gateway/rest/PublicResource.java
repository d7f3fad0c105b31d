package cn.gov.partyaffairs.gateway.rest;

import cn.gov.partyaffairs.gateway.repository.CountyFigureRepository;
import cn.gov.partyaffairs.gateway.repository.OrganizationViewRepository;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.panache.common.Page;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/** Anonymous reads, answered from the read models alone: no call to any service on a public path. */
@Path("/api/public")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Transactional(Transactional.TxType.SUPPORTS)
public class PublicResource {

    private final OrganizationViewRepository organizations;
    private final CountyFigureRepository figures;

    public PublicResource(OrganizationViewRepository organizations, CountyFigureRepository figures) {
        this.organizations = organizations;
        this.figures = figures;
    }

    @GET
    @Path("organizations")
    @Operation(summary = "The county's party organizations, filtered by type, parent and text")
    public PageResult<PublicOrganization> organizations(@QueryParam("type") String type,
                                                        @QueryParam("parent") String parent,
                                                        @QueryParam("q") String text,
                                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                        @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                                        @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        var query = organizations.search(type, parent, text).page(Page.of(page, size));
        return new PageResult<>(query.list().stream().map(PublicOrganization::of).toList(), page, size, query.count());
    }

    @GET
    @Path("organizations/{code}")
    @Operation(summary = "One organization by its code")
    public PublicOrganization organization(@PathParam("code") String code) {
        return organizations.findByCode(code).map(PublicOrganization::of)
                .orElseThrow(() -> ProblemException.notFound("组织", code));
    }

    @GET
    @Path("statistics")
    @Operation(summary = "The county dashboard figures")
    public Map<String, Long> statistics() {
        return figures.all();
    }
}
