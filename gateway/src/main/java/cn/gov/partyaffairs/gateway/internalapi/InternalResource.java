package cn.gov.partyaffairs.gateway.internalapi;

import cn.gov.partyaffairs.gateway.api.ServiceOperations;
import cn.gov.partyaffairs.gateway.client.CommandForwarder;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigure;
import cn.gov.partyaffairs.gateway.readmodel.CountyFigureRepository;
import cn.gov.partyaffairs.gateway.publicapi.Dashboard;
import cn.gov.partyaffairs.gateway.publicapi.PublicQueries;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.platform.error.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every command and internal read of the three services, forwarded with the caller's token: the owning service
 * decides who may do what. The first path segment names the owner ({@code gateway.routes}). A change answers once
 * the read models show it (read-your-writes), or 202 with where to poll. The forwarded operations are described in
 * the gateway's document as the owning services describe them ({@code api/ServiceOperations}), not by the
 * catch-all methods here, which the document leaves out.
 */
@Path(ServiceOperations.INTERNAL)
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {

    private final CommandForwarder forwarder;
    private final GatewayConfig config;
    private final ReadModel readModel;
    private final CountyFigureRepository figures;
    private final PublicQueries queries;
    private final StepAlertQuery stepAlerts;
    private final Caller caller;

    public InternalResource(CommandForwarder forwarder, GatewayConfig config, ReadModel readModel,
                            CountyFigureRepository figures, PublicQueries queries, StepAlertQuery stepAlerts,
                            Caller caller) {
        this.stepAlerts = stepAlerts;
        this.caller = caller;
        this.forwarder = forwarder;
        this.config = config;
        this.readModel = readModel;
        this.figures = figures;
        this.queries = queries;
    }

    /**
     * The officials' dashboard: the county's figures and supervision's, which stay inside.
     *
     * @param openFindings    findings not yet verified or resolved
     * @param overdueFindings open findings past their rectification deadline
     * @param inspections     inspections recorded
     */
    public record OfficialDashboard(Dashboard county, long openFindings, long overdueFindings, long inspections) {
    }

    @GET
    @Path("dashboard")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The officials' dashboard: the county figures plus open and overdue findings")
    public OfficialDashboard dashboard() {
        Map<CountyFigure, Long> all = figures.all();
        return new OfficialDashboard(Dashboard.of(all, queries.complianceByType()),
                Dashboard.count(all, CountyFigure.Total.OPEN_FINDINGS),
                Dashboard.count(all, CountyFigure.Total.OVERDUE_FINDINGS),
                Dashboard.count(all, CountyFigure.Total.INSPECTIONS));
    }

    @GET
    @Path("step-alerts")
    @Operation(summary = "Waiting disclosure steps reminded or escalated past their working-day limits, as far as the caller may see them")
    public List<StepAlertQuery.StepAlert> stepAlerts() {
        return stepAlerts.visibleTo(caller);
    }

    /**
     * How far the read models have applied an aggregate.
     *
     * @param version the last version applied, 0 if none
     */
    public record AggregatePosition(UUID aggregateId, long version) {
    }

    @GET
    @Path("read-model/aggregates/{id}")
    @Operation(summary = "How far the read models have applied an aggregate: poll here after a 202")
    public AggregatePosition aggregatePosition(@PathParam("id") UUID aggregateId) {
        return new AggregatePosition(aggregateId, readModel.position(aggregateId));
    }

    @GET
    @Path("{segment}{rest: (/.*)?}")
    @Operation(hidden = true)
    public Response read(@PathParam("segment") String segment, @Context UriInfo uri, @Context HttpHeaders headers,
                         @Context HttpServerRequest http) {
        return forward("GET", segment, uri, null, headers, http);
    }

    @POST
    @Path("{segment}{rest: (/.*)?}")
    @Operation(hidden = true)
    public Response post(@PathParam("segment") String segment, String body, @Context UriInfo uri,
                         @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return forward("POST", segment, uri, body, headers, http);
    }

    @PUT
    @Path("{segment}{rest: (/.*)?}")
    @Operation(hidden = true)
    public Response put(@PathParam("segment") String segment, String body, @Context UriInfo uri,
                        @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return forward("PUT", segment, uri, body, headers, http);
    }

    @DELETE
    @Path("{segment}{rest: (/.*)?}")
    @Operation(hidden = true)
    public Response delete(@PathParam("segment") String segment, @Context UriInfo uri, @Context HttpHeaders headers,
                           @Context HttpServerRequest http) {
        return forward("DELETE", segment, uri, null, headers, http);
    }

    private Response forward(String method, String segment, UriInfo uri, String body, HttpHeaders headers,
                             HttpServerRequest http) {
        String service = config.routes().get(segment);
        if (service == null) {
            throw ProblemException.notFound("接口", ServiceOperations.INTERNAL + "/" + segment);
        }
        URI request = uri.getRequestUri();
        // The path exactly as it came (the framework's view of it drops matrix parameters such as ";a=b"), so that
        // what is checked is what is forwarded. An alias (/api/internal/...) arrives here rerouted, raw as well.
        String raw = http.uri();
        int query = raw.indexOf('?');
        String rawPath = (query < 0 ? raw : raw.substring(0, query));
        if (!rawPath.startsWith(ServiceOperations.INTERNAL + "/")) {
            throw ProblemException.invalid("path", "接口路径须以 " + ServiceOperations.INTERNAL + "/ 开头");
        }
        rawPath = rawPath.substring(ServiceOperations.INTERNAL.length());
        if (!ForwardedPath.isPlain(rawPath, segment)) {
            throw ProblemException.invalid("path", "接口路径须为普通路径：不能含 ..、.、;、\\、编码的斜杠或点，也不能有空段");
        }
        String path = rawPath + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
        return forwarder.forward(method, config.services().named(service), path, body,
                CommandForwarder.Caller.of(headers, http.remoteAddress().hostAddress()));
    }
}
