package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.platform.rest.PageResult;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.UUID;

/** The lapses this service learnt of from the other services' events, of every organization, cured or not. */
@Path("/lapses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class LapseResource {

    private final LapseRepository lapses;

    public LapseResource(LapseRepository lapses) {
        this.lapses = lapses;
    }

    public record LapseDto(UUID id, Lapse.Kind kind, String organizationCode, String description, LocalDate dueDate,
                           LocalDate detectedOn, LocalDate curedOn, boolean curedOnTime, String cure) {
        static LapseDto of(Lapse l) {
            return new LapseDto(l.id, l.kind, l.organizationCode, l.description, l.dueDate, l.detectedOn, l.curedOn,
                    l.curedOnTime, l.cure);
        }
    }

    @GET
    @Operation(summary = "Lapses by organization, kind (DISCLOSURE, COMMITMENT) and whether still open; latest due date first")
    public PageResult<LapseDto> search(@QueryParam("organization") String organization,
                                       @QueryParam("kind") Lapse.Kind kind,
                                       @QueryParam("open") Boolean open,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE) @Min(1)
                                       @Max(PageResult.MAX_SIZE) int size) {
        PageResult<Lapse> found = lapses.search(organization, kind, open, page, size);
        return new PageResult<>(found.items().stream().map(LapseDto::of).toList(), page, size, found.total());
    }
}
