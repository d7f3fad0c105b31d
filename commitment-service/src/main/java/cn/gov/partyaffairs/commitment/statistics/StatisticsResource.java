package cn.gov.partyaffairs.commitment.statistics;

import cn.gov.partyaffairs.commitment.statistics.StatisticsService.Dimension;
import cn.gov.partyaffairs.contracts.commitment.CommitmentKind;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Pledged, in progress, fulfilled, on-time rate, overdue, average progress and satisfaction. */
@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StatisticsResource {

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "County-wide figures, optionally of one kind")
    public Figures county(@QueryParam("kind") CommitmentKind kind) {
        return statistics.county(kind);
    }

    @GET
    @Path("organizations")
    @Operation(summary = "Per organization, each including its subtree (a township includes its villages)")
    public List<Figures> organizations(@QueryParam("kind") CommitmentKind kind) {
        return statistics.by(Dimension.ORGANIZATION, kind);
    }

    @GET
    @Path("organizations/{code}")
    @Operation(summary = "One organization, its subtree included")
    public Figures organization(@PathParam("code") String code, @QueryParam("kind") CommitmentKind kind) {
        return statistics.organization(code, kind);
    }

    @GET
    @Path("departments")
    @Operation(summary = "Per department (public service commitments)")
    public List<Figures> departments(@QueryParam("kind") CommitmentKind kind) {
        return statistics.by(Dimension.DEPARTMENT, kind);
    }

    @GET
    @Path("categories")
    @Operation(summary = "Per category")
    public List<Figures> categories(@QueryParam("kind") CommitmentKind kind) {
        return statistics.by(Dimension.CATEGORY, kind);
    }
}
