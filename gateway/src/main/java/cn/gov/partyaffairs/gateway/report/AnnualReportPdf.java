package cn.gov.partyaffairs.gateway.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report page rendered to an A4 PDF by openhtmltopdf, with the Chinese glyphs embedded from the bundled Noto
 * Sans SC (SIL Open Font License, fonts/OFL.txt): a PDF that shows the same on any reader, with or without Chinese
 * fonts installed.
 */
@ApplicationScoped
public class AnnualReportPdf {

    static final String FONT = "/fonts/NotoSansSC-Regular.ttf";
    static final String FONT_FAMILY = "Noto Sans SC";

    private final AnnualReportPage page;

    public AnnualReportPdf(AnnualReportPage page) {
        this.page = page;
    }

    public byte[] render(AnnualReport report) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> AnnualReportPdf.class.getResourceAsStream(FONT), FONT_FAMILY);
            builder.withHtmlContent(page.printable(report), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
