package cn.gov.partyaffairs.gateway.report;

import cn.gov.partyaffairs.platform.error.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The annual report as a page (rendered on the server, printable on A4 without JavaScript) and, from the very same
 * template and stylesheet, the XHTML the PDF is rendered from.
 */
@Path("/annual-report.html")
@ApplicationScoped
public class AnnualReportPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(View view);
    }

    /**
     * @param css the stylesheet inlined for the PDF renderer; null on the web, where the page links it
     */
    public record View(String title, AnnualReport report, String asOf, List<Integer> years, String organizationCode,
                       String pdfLink, String xlsxLink, String css) {
    }

    private final AnnualReportQuery reports;
    private final Clock clock;
    private final String stylesheet;

    public AnnualReportPage(AnnualReportQuery reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        this.stylesheet = resource("/META-INF/resources/css/report.css");
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response show(@QueryParam("year") Integer year, @QueryParam("organization") String organization) {
        int chosen = year != null ? year : LocalDate.now(clock).getYear();
        AnnualReport report;
        try {
            report = reports.report(chosen, organization, false);
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(refused.problem().detail() + "（返回 annual-report.html 查看全县报告）").build();
        }
        String query = chosen + (report.organization() == null ? ""
                : "?organization=" + URLEncoder.encode(report.organization().code(), StandardCharsets.UTF_8));
        String html = Templates.page(new View(title(report), report, when(report), reports.years(),
                report.organization() == null ? "" : report.organization().code(),
                "/api/v1/public/annual-reports/" + query.replaceFirst("^(\\d+)", "$1.pdf"),
                "/api/v1/public/annual-reports/" + query.replaceFirst("^(\\d+)", "$1.xlsx"), null)).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The report as the XHTML the PDF renderer reads: no navigation or forms, the stylesheet inlined. */
    String printable(AnnualReport report) {
        return Templates.page(new View(title(report), report, when(report), List.of(), "", "", "", stylesheet)).render();
    }

    static String title(AnnualReport report) {
        String who = report.organization() == null ? "玉屏县" : report.organization().name();
        return who + report.year() + "年度党务公开工作统计";
    }

    private String when(AnnualReport report) {
        return report.asOf().atZoneSameInstant(clock.getZone()).format(WHEN);
    }

    private static String resource(String path) {
        try (InputStream in = AnnualReportPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
