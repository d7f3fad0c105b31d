package cn.gov.partyaffairs.gateway.report;

import io.quarkus.qute.TemplateExtension;

/** How the report's templates write a rate: one decimal, a dash where nothing was due. */
@TemplateExtension(namespace = "fmt")
public final class ReportFormat {

    private ReportFormat() {
    }

    public static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }
}
