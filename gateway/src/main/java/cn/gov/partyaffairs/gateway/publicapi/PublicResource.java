package cn.gov.partyaffairs.gateway.publicapi;

import cn.gov.partyaffairs.gateway.client.CommandForwarder;
import cn.gov.partyaffairs.gateway.config.GatewayConfig;
import cn.gov.partyaffairs.platform.error.ProblemException;
import cn.gov.partyaffairs.platform.rest.PageResult;
import cn.gov.partyaffairs.platform.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Anonymous reads, answered from the read models alone: no call to any service on a public read, and from memory
 * while the read models stay as they were ({@link CachedReads}). The public's own input (comments, evaluations) is
 * forwarded without any token, with the client's address for the limits — except a citizen's valid token on an
 * evaluation, which goes along so that the commitment service counts one evaluation per person.
 */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {

    private final PublicQueries queries;
    private final CommandForwarder forwarder;
    private final GatewayConfig config;
    private final Clock clock;
    private final CachedReads cached;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    private final CurrentIdentityAssociation identities;

    public PublicResource(PublicQueries queries, CommandForwarder forwarder, GatewayConfig config, Clock clock,
                          CachedReads cached, CurrentIdentityAssociation identities) {
        this.identities = identities;
        this.queries = queries;
        this.forwarder = forwarder;
        this.config = config;
        this.clock = clock;
        this.cached = cached;
    }

    @GET
    @Path("organizations")
    @Operation(summary = "The county's party organizations, filtered by type, parent, demonstration unit and text")
    public Uni<RestResponse<PageResult<PublicOrganization>>> organizations(@QueryParam("type") String type,
                                                        @QueryParam("parent") String parent,
                                                        @QueryParam("demonstration") Boolean demonstration,
                                                        @QueryParam("q") String text,
                                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                        @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                                        @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        return cached.json(uri, headers, () -> queries.organizations(type, parent, text, demonstration, page, size));
    }

    /** An organization with its latest public disclosures, its commitments and its cadence compliance. */
    public record OrganizationPage(PublicOrganization organization, List<PublicDtos.Disclosure> recentDisclosures,
                                   List<PublicDtos.Commitment> commitments,
                                   List<PublicDtos.CompliancePeriod> compliance,
                                   Dashboard.Compliance complianceSummary) {
    }

    @GET
    @Path("organizations/{code}")
    @Operation(summary = "One organization with its recent disclosures, commitments and cadence compliance")
    public Uni<RestResponse<OrganizationPage>> organization(@PathParam("code") String code) {
        return cached.json(uri, headers, () -> {
            PublicOrganization organization = queries.organization(code)
                    .orElseThrow(() -> ProblemException.notFound("组织", code));
            return new OrganizationPage(organization,
                    queries.disclosures(new PublicQueries.DisclosureFilter(code, null, null, null), 0, 10).items(),
                    queries.commitments(new PublicQueries.CommitmentFilter(null, code, null, null, null, null), 0, 50).items(),
                    queries.compliance(code, LocalDate.now(clock).minusYears(1), null),
                    Dashboard.Compliance.of(queries.complianceOf(code)));
        });
    }

    @GET
    @Path("disclosures")
    @Operation(summary = "Published public disclosures, newest first; filter by organization, catalog category "
            + "(e.g. C8), a day within the period, text")
    public Uni<RestResponse<PageResult<PublicDtos.Disclosure>>> disclosures(@QueryParam("organization") String organization,
                                                         @QueryParam("category") String category,
                                                         @QueryParam("period") LocalDate period,
                                                         @QueryParam("q") String text,
                                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                         @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                                         @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        return cached.json(uri, headers,
                () -> queries.disclosures(new PublicQueries.DisclosureFilter(organization, category, period, text), page, size));
    }

    @GET
    @Path("search")
    @Operation(summary = "Search the public disclosures: every word must occur (Chinese is segmented into words), best "
            + "match first (the title weighs more than the body), the words found marked; filter by organization, "
            + "catalog category, a day within the period; organizations whose names are close to the words")
    public Uni<RestResponse<PublicDtos.SearchPage>> search(@QueryParam("q") String text,
                                @QueryParam("organization") String organization,
                                @QueryParam("category") String category,
                                @QueryParam("period") LocalDate period,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        return cached.json(uri, headers,
                () -> queries.search(new PublicQueries.DisclosureFilter(organization, category, period, text), page, size));
    }

    @GET
    @Path("disclosures/{id}")
    @Operation(summary = "A public disclosure with its version history and comment count")
    public Uni<RestResponse<PublicDtos.Disclosure>> disclosure(@PathParam("id") UUID id) {
        return cached.json(uri, headers, () -> queries.disclosure(id));
    }

    @GET
    @Path("disclosures/{id}/comments")
    @Operation(summary = "Approved comments and their count (已有N人发表了评论)")
    public Uni<RestResponse<PublicDtos.Comments>> comments(@PathParam("id") UUID id) {
        return cached.json(uri, headers, () -> queries.comments(id));
    }

    @POST
    @Path("disclosures/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a public disclosure (held for moderation)")
    @APIResponse(responseCode = "202", description = "评论已收到，审核通过后公开",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentDto")))
    @APIResponse(responseCode = "429", description = "提交过于频繁，请按 Retry-After 等待后重试 (rate-limited)")
    @Blocking
    public Response comment(@PathParam("id") UUID id,
                            // The body is the disclosure service's to read: passed on as it came, typed as it types it.
                            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(ref = "NewComment"))) String body, @Context HttpHeaders headers,
                            @Context HttpServerRequest http) {
        return forwarder.forward("POST", config.services().disclosure(), "/disclosures/" + id + "/comments", body,
                CommandForwarder.Caller.anonymous(headers, http.remoteAddress().hostAddress()));
    }

    @GET
    @Path("commitments")
    @Operation(summary = "Commitments; filter by kind (SERVICE, PRACTICAL_THING), organization, department, category, status, text")
    public Uni<RestResponse<PageResult<PublicDtos.Commitment>>> commitments(@QueryParam("kind") String kind,
                                                         @QueryParam("organization") String organization,
                                                         @QueryParam("department") String department,
                                                         @QueryParam("category") String category,
                                                         @QueryParam("status") String status,
                                                         @QueryParam("q") String text,
                                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                         @QueryParam("size") @DefaultValue(PageResult.DEFAULT_SIZE)
                                                         @Min(1) @Max(PageResult.MAX_SIZE) int size) {
        return cached.json(uri, headers, () -> queries.commitments(new PublicQueries.CommitmentFilter(kind, organization,
                department, category, status, text), page, size));
    }

    @GET
    @Path("commitments/{id}")
    @Operation(summary = "A commitment with its progress timeline, satisfaction and approved evaluation comments")
    public Uni<RestResponse<PublicDtos.Commitment>> commitment(@PathParam("id") UUID id) {
        return cached.json(uri, headers, () -> queries.commitment(id));
    }

    @POST
    @Path("commitments/{id}/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate a commitment: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED, with an optional "
            + "comment. With a citizen's token (role citizen) once per person, a second time revises it (200); "
            + "without one anonymously, a few times per address and day")
    @APIResponse(responseCode = "201", description = "评议已收到；评论审核通过后公开",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EvaluationDto")))
    @APIResponse(responseCode = "200", description = "您此前的评议已修改，仍只计一次 (a citizen's revision)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EvaluationDto")))
    @APIResponse(responseCode = "429", description = "提交过于频繁，或同一地址今日匿名评议这项承诺已达上限；请按 Retry-After 等待或登录后评议 (rate-limited)")
    @Blocking
    public Response evaluate(@PathParam("id") UUID id,
                             @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                     schema = @Schema(ref = "NewEvaluation"))) String body, @Context HttpHeaders headers,
                             @Context HttpServerRequest http) {
        // A citizen's token goes along (the commitment service checks it again and counts one evaluation per
        // person); anything else — no token, a bad or expired one, an official's — evaluates anonymously.
        String address = http.remoteAddress().hostAddress();
        return forwarder.forward("POST", config.services().commitment(), "/commitments/" + id + "/evaluations", body,
                citizen() ? CommandForwarder.Caller.of(headers, address) : CommandForwarder.Caller.anonymous(headers, address));
    }

    /** Whether the request carries a valid token of a citizen; a public path never refuses a bad token. */
    private boolean citizen() {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return false;
        }
        try {
            SecurityIdentity identity = identities.getDeferredIdentity().await().atMost(Duration.ofSeconds(10));
            return identity != null && !identity.isAnonymous() && identity.hasRole(Caller.CITIZEN);
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    @GET
    @Path("departments")
    @Operation(summary = "The departments that have pledged public commitments, by name")
    public Uni<RestResponse<List<PublicDtos.Department>>> departments() {
        return cached.json(uri, headers, queries::departments);
    }

    @GET
    @Path("compliance")
    @Operation(summary = "Cadence compliance per organization and period, as the cadence engine decided it: PENDING, "
            + "KEPT, LATE, MISSING, CURED or EXEMPTED")
    public Uni<RestResponse<List<PublicDtos.CompliancePeriod>>> compliance(@QueryParam("organization") String organization,
                                    @QueryParam("from") LocalDate from,
                                    @QueryParam("to") LocalDate to) {
        return cached.json(uri, headers, () -> queries.compliance(organization, from, to));
    }

    @GET
    @Path("statistics/townships")
    @Operation(summary = "Cadence compliance by township (the township committee and every organization under it)")
    public Uni<RestResponse<List<PublicDtos.TownshipCompliance>>> complianceByTownship() {
        return cached.json(uri, headers, queries::complianceByTownship);
    }

    @GET
    @Path("statistics")
    @Operation(summary = "The county dashboard figures, kept event by event")
    public Uni<RestResponse<Dashboard>> statistics() {
        return cached.json(uri, headers, () -> queries.dashboard());
    }
}
