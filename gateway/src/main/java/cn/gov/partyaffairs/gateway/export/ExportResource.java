package cn.gov.partyaffairs.gateway.export;

import cn.gov.partyaffairs.gateway.publicapi.PublicDtos;
import cn.gov.partyaffairs.gateway.publicapi.PublicOrganization;
import cn.gov.partyaffairs.gateway.publicapi.PublicQueries;
import cn.gov.partyaffairs.gateway.readmodel.OrganizationViewRepository;
import cn.gov.partyaffairs.platform.rest.PageResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Open data: the register, the public disclosures and the commitments as UTF-8 CSV (with a byte order mark, so a
 * spreadsheet opens the Chinese text right) or JSON. Only what the public API shows.
 */
@Path("/api/v1/public/export")
@Blocking
@Transactional(Transactional.TxType.SUPPORTS)
public class ExportResource {

    private static final String CSV = "text/csv";

    private static final int PAGE = PageResult.MAX_SIZE;

    /**
     * The disclosures' columns (gateway/README.md says what each holds): a withdrawn one has its status WITHDRAWN,
     * withdrawnAt and withdrawReason, and no channels, items or body.
     */
    static final List<String> DISCLOSURE_COLUMNS = List.of("id", "organizationCode", "organizationName", "status",
            "title", "periodStart", "periodEnd", "publishedAt", "withdrawnAt", "withdrawReason", "channels", "itemCodes",
            "contentVersion", "commentCount", "body");

    /** The commitments' columns; milestones as the JSON list the public API shows. */
    static final List<String> COMMITMENT_COLUMNS = List.of("id", "kind", "title", "description", "category",
            "departmentCode", "departmentName", "organizationCode", "organizationName", "responsible",
            "targetQuantity", "targetUnit", "milestones", "pledgedOn", "dueDate", "status", "progressPercent",
            "fulfilledOn", "onTime", "evidence", "withdrawReason", "evaluations", "satisfactionRate");

    private final OrganizationViewRepository organizations;
    private final PublicQueries queries;
    private final ObjectMapper mapper;

    public ExportResource(OrganizationViewRepository organizations, PublicQueries queries, ObjectMapper mapper) {
        this.organizations = organizations;
        this.queries = queries;
        this.mapper = mapper;
    }

    @GET
    @Path("organizations.{format: csv|json}")
    @Operation(summary = "Open data: the register of party organizations, as csv or json")
    @APIResponse(responseCode = "200", description = "开放数据文件 (attachment)", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = PublicOrganization.class))})
    public Response organizationsExport(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "json"}))
                                        String format) throws Exception {
        return export("organizations", format, organizations());
    }

    @GET
    @Path("disclosures.{format: csv|json}")
    @Operation(summary = "Open data: the published and withdrawn public disclosures, as csv or json")
    @APIResponse(responseCode = "200", description = "开放数据文件 (attachment)", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = PublicDtos.Disclosure.class))})
    public Response disclosuresExport(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "json"}))
                                      String format) throws Exception {
        return export("disclosures", format, disclosures());
    }

    @GET
    @Path("commitments.{format: csv|json}")
    @Operation(summary = "Open data: the commitments with their progress and satisfaction, as csv or json")
    @APIResponse(responseCode = "200", description = "开放数据文件 (attachment)", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = PublicDtos.Commitment.class))})
    public Response commitmentsExport(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "json"}))
                                      String format) throws Exception {
        return export("commitments", format, commitments());
    }

    @GET
    @Path("compliance.{format: csv|json}")
    @Operation(summary = "Open data: the compliance matrix (organization × period, as the cadence engine decided), as csv or json")
    @APIResponse(responseCode = "200", description = "开放数据文件 (attachment)", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = PublicDtos.CompliancePeriod.class))})
    public Response complianceExport(@PathParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "json"}))
                                     String format) throws Exception {
        return export("compliance", format, compliance());
    }

    private Response export(String dataset, String format, Table table) throws Exception {
        String file = "yuping-" + dataset + "." + format;
        if (format.equals("json")) {
            return Response.ok(mapper.writeValueAsBytes(table.rows()), "application/json; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        StringBuilder csv = new StringBuilder(Csv.BOM);
        csv.append(Csv.row(table.columns()));
        for (Object row : table.rows()) {
            csv.append(Csv.row(table.cells().apply(row)));
        }
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private record Table(List<String> columns, List<?> rows, Function<Object, List<Object>> cells) {
    }

    private Table organizations() {
        List<PublicOrganization> rows = new ArrayList<>();
        var units = organizations.units();
        for (int page = 0; ; page++) {
            var found = organizations.search(null, null, null, null).page(Page.of(page, PAGE)).list();
            found.forEach(o -> rows.add(PublicOrganization.of(o, units.get(o.code))));
            if (found.size() < PAGE) {
                break;
            }
        }
        return new Table(List.of("code", "name", "type", "parentCode", "cadenceMonths", "active", "demonstrationUnit",
                "guidanceGroup"), rows, row -> {
            PublicOrganization o = (PublicOrganization) row;
            return List.of(o.code(), o.name(), o.type(), nullable(o.parentCode()), o.cadenceMonths(), o.active(),
                    o.demonstrationUnit(), nullable(o.guidanceGroupName()));
        });
    }

    private Table disclosures() {
        List<PublicDtos.Disclosure> rows = pages(page -> queries.disclosuresForExport(page, PAGE));
        return new Table(DISCLOSURE_COLUMNS, rows, row -> {
            PublicDtos.Disclosure d = (PublicDtos.Disclosure) row;
            return List.of(d.id(), d.organizationCode(), nullable(d.organizationName()), d.status(), d.title(),
                    d.periodStart(), d.periodEnd(), d.publishedAt(), nullable(d.withdrawnAt()),
                    nullable(d.withdrawReason()), String.join(";", d.channels()), String.join(";", d.itemCodes()),
                    d.contentVersion(), d.commentCount(), nullable(d.body()));
        });
    }

    private Table commitments() {
        List<PublicDtos.Commitment> rows = pages(page -> queries.commitments(
                new PublicQueries.CommitmentFilter(null, null, null, null, null, null), page, PAGE).items());
        return new Table(COMMITMENT_COLUMNS, rows, row -> {
            PublicDtos.Commitment c = (PublicDtos.Commitment) row;
            return List.of(c.id(), nullable(c.kind()), c.title(), nullable(c.description()), nullable(c.category()),
                    nullable(c.departmentCode()), nullable(c.departmentName()), nullable(c.organizationCode()),
                    nullable(c.organizationName()), c.responsible(), nullable(c.targetQuantity()),
                    nullable(c.targetUnit()), c.milestones() == null ? "" : json(c.milestones()), c.pledgedOn(),
                    c.dueDate(), c.status(), nullable(c.progressPercent()), nullable(c.fulfilledOn()),
                    nullable(c.onTime()), nullable(c.evidence()), nullable(c.withdrawReason()),
                    c.satisfaction().evaluations(), nullable(c.satisfaction().rate()));
        });
    }

    /** The cadence engine's outcome for every organization × period, as the public matrix shows it. */
    private Table compliance() {
        List<PublicDtos.CompliancePeriod> rows = queries.compliance(null, null, null);
        return new Table(List.of("organizationCode", "organizationType", "periodStart", "periodEnd", "dueDate", "state",
                "due", "exemptionReason"), rows, row -> {
            PublicDtos.CompliancePeriod c = (PublicDtos.CompliancePeriod) row;
            return List.of(c.organizationCode(), c.organizationType(), c.periodStart(), c.periodEnd(),
                    nullable(c.dueDate()), c.state(), c.due(), nullable(c.exemptionReason()));
        });
    }

    private static <T> List<T> pages(Function<Integer, List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            List<T> found = page.apply(p);
            all.addAll(found);
            if (found.size() < PAGE) {
                return all;
            }
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }
}
