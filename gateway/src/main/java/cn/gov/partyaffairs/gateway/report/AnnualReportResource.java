package cn.gov.partyaffairs.gateway.report;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.gov.partyaffairs.platform.security.Caller;
import cn.gov.partyaffairs.gateway.publicapi.CachedReads;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The annual report for the county or one organization, for any year from the first with data: as JSON, PDF and
 * XLSX. The public's has no supervision figures; the officials' ({@link Internal}) adds the findings and their
 * rectification. The page is {@code /annual-report.html}.
 */
@Path("/api/v1/public/annual-reports")
public class AnnualReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReportQuery reports;
    private final AnnualReportPdf pdf;
    private final AnnualReportWorkbook workbook;
    private final CachedReads cached;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    public AnnualReportResource(AnnualReportQuery reports, AnnualReportPdf pdf, AnnualReportWorkbook workbook,
                                CachedReads cached) {
        this.reports = reports;
        this.pdf = pdf;
        this.workbook = workbook;
        this.cached = cached;
    }

    public record Years(List<Integer> years) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The years an annual report can be had for, oldest first")
    public Uni<RestResponse<Years>> years() {
        return cached.json(uri, headers, () -> new Years(reports.years()));
    }

    /** Public reads are kept in memory until the read models move (ADR 0004): a PDF is rendered once per change. */
    @GET
    @Path("{year: \\d{4}}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A year's report (the county's, or one organization's with ?organization=CODE)")
    public Uni<RestResponse<AnnualReport>> report(@PathParam("year") int year,
                                                  @QueryParam("organization") String organization) {
        return cached.json(uri, headers, () -> reports.report(year, organization, false));
    }

    @GET
    @Path("{year: \\d{4}}.pdf")
    @Produces("application/pdf")
    @APIResponse(responseCode = "200", description = "年度报告 PDF (attachment)", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "A year's report as an A4 PDF")
    public Uni<Response> pdf(@PathParam("year") int year, @QueryParam("organization") String organization) {
        return cached.answer(uri, headers, "application/pdf",
                () -> new CachedReads.Rendered(200, pdf.render(reports.report(year, organization, false))))
                .map(answer -> attachment(answer, year, organization, "pdf"));
    }

    @GET
    @Path("{year: \\d{4}}.xlsx")
    @Produces(XLSX)
    @APIResponse(responseCode = "200", description = "年度报告 Excel 工作簿 (attachment)", content = @Content(mediaType = XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(summary = "A year's report as an XLSX workbook, one sheet per table")
    public Uni<Response> xlsx(@PathParam("year") int year, @QueryParam("organization") String organization) {
        return cached.answer(uri, headers, XLSX,
                () -> new CachedReads.Rendered(200, workbook.render(reports.report(year, organization, false))))
                .map(answer -> attachment(answer, year, organization, "xlsx"));
    }

    private static Response attachment(Response answer, int year, String organization, String extension) {
        String name = "yuping-annual-report-" + year
                + (organization == null || organization.isBlank() ? "" : "-" + organization.strip()) + "." + extension;
        return Response.fromResponse(answer).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    static String name(AnnualReport report, String extension) {
        return "yuping-annual-report-" + report.year()
                + (report.organization() == null ? "" : "-" + report.organization().code()) + "." + extension;
    }

    static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** The officials' report: the public one and supervision's findings with their rectification. */
    @Path("/api/v1/internal/annual-reports")
    @RolesAllowed(Caller.COUNTY_ADMIN)
    @Blocking
    public static class Internal {

        private final AnnualReportQuery reports;
        private final AnnualReportPdf pdf;
        private final AnnualReportWorkbook workbook;

        public Internal(AnnualReportQuery reports, AnnualReportPdf pdf, AnnualReportWorkbook workbook) {
            this.reports = reports;
            this.pdf = pdf;
            this.workbook = workbook;
        }

        @GET
        @Path("{year: \\d{4}}")
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(summary = "A year's report with supervision's findings (county admins)")
        public AnnualReport report(@PathParam("year") int year, @QueryParam("organization") String organization) {
            return reports.report(year, organization, true);
        }

        @GET
        @Path("{year: \\d{4}}.pdf")
        @Produces("application/pdf")
        @APIResponse(responseCode = "200", description = "年度报告 PDF (attachment)", content = @Content(mediaType = "application/pdf",
                schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "The officials' report as an A4 PDF")
        public Response pdf(@PathParam("year") int year, @QueryParam("organization") String organization) {
            AnnualReport report = reports.report(year, organization, true);
            return file(pdf.render(report), "application/pdf", name(report, "pdf"));
        }

        @GET
        @Path("{year: \\d{4}}.xlsx")
        @Produces(XLSX)
        @APIResponse(responseCode = "200", description = "年度报告 Excel 工作簿 (attachment)", content = @Content(mediaType = XLSX,
                schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "The officials' report as an XLSX workbook")
        public Response xlsx(@PathParam("year") int year, @QueryParam("organization") String organization) {
            AnnualReport report = reports.report(year, organization, true);
            return file(workbook.render(report), XLSX, name(report, "xlsx"));
        }
    }
}
