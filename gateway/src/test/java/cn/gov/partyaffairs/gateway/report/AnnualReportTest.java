package cn.gov.partyaffairs.gateway.report;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One village branch's year 2019 told as events, and its annual report read back as JSON, page, PDF and workbook:
 * every table has the figures the events make, each figure is the same in all four, the compliance equals what the
 * statistics by township say of the organization, and the public report has no supervision figures.
 */
@QuarkusTest
class AnnualReportTest {

    static final String TOWNSHIP = TestEvents.code("RPT");
    static final String ORG = TestEvents.code("RPV");
    static final String BASE = "/api/public/annual-reports/2019";
    private static boolean told;

    @BeforeEach
    void tellTheYear() {
        if (told) {
            return;
        }
        told = true;
        TestEvents.organization(UUID.randomUUID(), TOWNSHIP, "township-committee", null);
        TestEvents.organization(UUID.randomUUID(), ORG, "village-branch", TOWNSHIP);
        UUID disclosure = UUID.randomUUID();
        // Three public disclosures in 2019 (one in two categories), one in 2018, one party-internal: 3 counted.
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5, published(disclosure, "PUBLIC", "C8-01\",\"C7-01", "2019-03"));
        for (String month : List.of("2019-05", "2019-12")) {
            UUID id = UUID.randomUUID();
            TestEvents.send("disclosure.DisclosurePublished", id, 5, published(id, "PUBLIC", "C8-02", month));
        }
        UUID earlier = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", earlier, 5, published(earlier, "PUBLIC", "C8-02", "2018-12"));
        UUID internal = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", internal, 5, published(internal, "PARTY_WIDE", "C2-04", "2019-04"));
        // Six periods of 2019 as the engine decided them; one of 2018.
        TestEvents.outcome(ORG, "village-branch", "2019-01-01", "2019-02-28", "KEPT", true, null, 1);
        TestEvents.outcome(ORG, "village-branch", "2019-03-01", "2019-04-30", "KEPT", true, null, 1);
        TestEvents.outcome(ORG, "village-branch", "2019-05-01", "2019-06-30", "CURED", true, null, 1);
        TestEvents.outcome(ORG, "village-branch", "2019-07-01", "2019-08-31", "MISSING", true, null, 1);
        TestEvents.outcome(ORG, "village-branch", "2019-09-01", "2019-10-31", "EXEMPTED", false, "村两委换届", 1);
        TestEvents.outcome(ORG, "village-branch", "2019-11-01", "2019-12-31", "KEPT", true, null, 1);
        TestEvents.outcome(ORG, "village-branch", "2018-11-01", "2018-12-31", "MISSING", true, null, 1);
        // Two approved comments, one approved in 2020.
        comment(disclosure, "2019-03-29");
        comment(disclosure, "2019-07-01");
        comment(disclosure, "2020-01-02");
        // Practical things pledged in 2019: one fulfilled on time, one late, one withdrawn, one open; one of 2018.
        UUID onTime = pledge("2019-02-01", "2019-06-30");
        fulfil(onTime, "2019-06-01", "2019-06-30", true);
        UUID late = pledge("2019-02-01", "2019-05-31");
        fulfil(late, "2019-07-01", "2019-05-31", false);
        UUID withdrawn = pledge("2019-04-01", "2019-12-31");
        TestEvents.send("commitment.CommitmentWithdrawn", withdrawn, 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "reason":"并入县级项目","withdrawnBy":"clerk","at":"2019-05-01T10:00:00+08:00"}""".formatted(withdrawn, ORG));
        pledge("2019-09-01", "2020-03-31");
        pledge("2018-10-01", "2019-03-31");
        // Evaluations of its commitments: two satisfied, one dissatisfied in 2019; one in 2020.
        evaluate(onTime, "SATISFIED", "2019-07-01");
        evaluate(onTime, "SATISFIED", "2019-08-01");
        evaluate(late, "DISSATISFIED", "2019-09-01");
        evaluate(late, "BASICALLY_SATISFIED", "2020-01-05");
        // Findings raised in 2019: one verified, one open.
        UUID verified = UUID.randomUUID();
        finding(verified, "2019-05-12");
        TestEvents.send("supervision.RectificationVerified", verified, 2, """
                {"findingId":"%s","unitCode":"%s","verifiedOn":"2019-06-02","note":"整改到位","verifiedBy":"inspector",
                 "at":"2019-06-02T15:00:00+08:00"}""".formatted(verified, ORG));
        finding(UUID.randomUUID(), "2019-10-12");
        TestEvents.await(() -> {
            JsonPath r = report("");
            return r.getLong("disclosures.total") == 3 && r.getLong("commentsApproved") == 2
                    && r.getLong("complianceTotal.periodsDue") == 5 && r.getLong("evaluations.evaluations") == 3
                    && r.getLong("commitments.find { it.kind == 'PRACTICAL_THING' }.fulfilled") == 2
                    && r.getLong("commitments.find { it.kind == 'PRACTICAL_THING' }.withdrawn") == 1
                    && internalReport().getLong("findings.closed") == 1;
        });
    }

    @Test
    void theYearsTablesHoldWhatTheYearDid() {
        JsonPath r = report("");
        assertEquals(ORG, r.getString("organization.code"));
        assertEquals(Map.of("C7", 1, "C8", 3), categories(r));
        assertEquals(3, r.getInt("disclosures.byOrganizationType.find { it.code == 'village-branch' }.count"));
        assertEquals("农村党支部", r.getString("disclosures.byOrganizationType[0].label"));
        // 3 kept, 1 late (cured), 1 missing, 1 exempted: 3 of 5 due on time.
        assertEquals(List.of(5, 3, 1, 1, 1), List.of(r.getInt("complianceTotal.periodsDue"), r.getInt("complianceTotal.kept"),
                r.getInt("complianceTotal.late"), r.getInt("complianceTotal.missing"), r.getInt("complianceTotal.exempted")));
        assertEquals(0.6, r.getDouble("complianceTotal.onTimeRate"), 1e-9);
        String practical = "commitments.find { it.kind == 'PRACTICAL_THING' }.";
        assertEquals(List.of(3, 1, 2, 1, 0, 1), List.of(r.getInt(practical + "pledged"), r.getInt(practical + "inProgress"),
                r.getInt(practical + "fulfilled"), r.getInt(practical + "fulfilledOnTime"), r.getInt(practical + "overdue"),
                r.getInt(practical + "withdrawn")));
        assertEquals(List.of(3, 2, 0, 1), List.of(r.getInt("evaluations.evaluations"), r.getInt("evaluations.satisfied"),
                r.getInt("evaluations.basicallySatisfied"), r.getInt("evaluations.dissatisfied")));
        assertNull(r.get("findings"), "supervision's figures stay inside");
        JsonPath inside = internalReport();
        assertEquals(List.of(2, 1, 1), List.of(inside.getInt("findings.raised"), inside.getInt("findings.closed"),
                inside.getInt("findings.open")));
    }

    /** The statistics by township list the organization's own periods: all of them are 2018's and 2019's. */
    @Test
    void theComplianceAddsUpToTheStatistics() {
        JsonPath townships = given().get("/api/public/statistics/townships").then().statusCode(200).extract().jsonPath();
        Map<String, Object> statistics = townships.getMap("find { it.townshipCode == '" + TOWNSHIP
                + "' }.organizations.find { it.organizationCode == '" + ORG + "' }");
        JsonPath y2019 = report("");
        JsonPath y2018 = given().queryParam("organization", ORG).get("/api/public/annual-reports/2018").then()
                .statusCode(200).extract().jsonPath();
        for (String figure : List.of("kept", "late", "missing", "exempted", "periodsDue")) {
            assertEquals(((Number) statistics.get(figure)).longValue(),
                    y2019.getLong("complianceTotal." + figure) + y2018.getLong("complianceTotal." + figure), figure);
        }
    }

    @Test
    void thePdfIsA4WithTheChineseFontEmbeddedAndTheSameFigures() throws Exception {
        byte[] pdf = given().queryParam("organization", ORG).get(BASE + ".pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(595, Math.round(document.getPage(0).getMediaBox().getWidth()), "A4 wide");
            assertEquals(842, Math.round(document.getPage(0).getMediaBox().getHeight()), "A4 high");
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("测试" + ORG + "2019年度党务公开工作统计"), text);
            assertTrue(text.contains("按时公开率") && text.contains("60.0%"), text);
            assertTrue(text.contains("农村党支部 3"), text);
            assertTrue(!text.contains("督查问题整改"), "no findings in the public report");
            List<String> fonts = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansSC") && f.endsWith("embedded")), fonts.toString());
        }
        byte[] inside = given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", ORG)
                .get("/api/internal/annual-reports/2019.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(inside)) {
            assertTrue(new PDFTextStripper().getText(document).contains("督查问题整改"));
        }
    }

    @Test
    void theWorkbookHasOneSheetPerTableWithNumbers() throws Exception {
        byte[] xlsx = given().queryParam("organization", ORG).get(BASE + ".xlsx").then().statusCode(200)
                .contentType(AnnualReportResource.XLSX).extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("表1 按类别", "表2 按组织类型", "表3 按时公开", "表4 群众评论", "表5 承诺兑现", "表6 群众评议"), sheets);
            List<Row> compliance = workbook.getSheets().filter(s -> s.getName().equals("表3 按时公开")).findFirst()
                    .orElseThrow().read();
            Row total = compliance.get(compliance.size() - 1);
            assertEquals("合计", total.getCellText(0));
            assertEquals(new BigDecimal("5"), total.getCellAsNumber(1).orElseThrow());
            assertEquals(0.6, total.getCellAsNumber(6).orElseThrow().doubleValue(), 1e-9);
            List<Row> comments = workbook.getSheets().filter(s -> s.getName().equals("表4 群众评论")).findFirst()
                    .orElseThrow().read();
            assertEquals(new BigDecimal("2"), comments.get(comments.size() - 1).getCellAsNumber(1).orElseThrow());
        }
    }

    @Test
    void thePageIsPrintableAndLinksTheFiles() {
        String page = given().queryParam("year", 2019).queryParam("organization", ORG).get("/annual-report.html")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(page.contains("<h1 id=\"report-title\">测试" + ORG + "2019年度党务公开工作统计</h1>"), page);
        assertTrue(page.contains("<td class=\"num\" id=\"on-time-rate\">60.0%</td>"), page);
        assertTrue(page.contains("href=\"/api/v1/public/annual-reports/2019.pdf?organization=" + ORG + "\""), page);
        assertTrue(page.contains("css/report.css") && !page.contains("<style"), "the page links its stylesheet (CSP)");
        given().queryParam("year", 2019).queryParam("organization", "NO-SUCH-ORG").get("/annual-report.html")
                .then().statusCode(404);
    }

    @Test
    void aYearToComeOrAnUnknownOrganizationIsRefusedAndTheOfficialsReportIsTheAdmins() {
        given().get("/api/public/annual-reports/2999").then().statusCode(400);
        given().queryParam("organization", "NO-SUCH-ORG").get(BASE).then().statusCode(404);
        given().auth().oauth2(TestTokens.clerk(ORG)).get("/api/internal/annual-reports/2019").then().statusCode(403);
        assertTrue(given().get("/api/public/annual-reports").then().statusCode(200).extract().jsonPath()
                .getList("years", Integer.class).containsAll(List.of(2018, 2019)));
    }

    private static Map<String, Integer> categories(JsonPath r) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<Map<String, Object>> rows = r.getList("disclosures.byCategory");
        rows.stream().filter(c -> ((Number) c.get("count")).intValue() > 0)
                .forEach(c -> counts.put((String) c.get("code"), ((Number) c.get("count")).intValue()));
        return counts;
    }

    private static JsonPath report(String more) {
        return given().queryParam("organization", ORG).get(BASE + more).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath internalReport() {
        return given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", ORG)
                .get("/api/internal/annual-reports/2019").then().statusCode(200).extract().jsonPath();
    }

    private static String published(UUID id, String scope, String items, String month) {
        return """
                {"disclosureId":"%s","organizationCode":"%s","scope":"%s","itemCodes":["%s"],"title":"%s党务公开",
                 "body":"本期公开内容。","periodStart":"%s-01","periodEnd":"%s-28","channels":["disclosure-board"],
                 "contentVersion":1,"publishedBy":"clerk","at":"%s-28T09:00:00+08:00"}"""
                .formatted(id, ORG, scope, items, month, month, month, month);
    }

    private static void comment(UUID disclosure, String day) {
        UUID id = UUID.randomUUID();
        TestEvents.send("disclosure.CommentApproved", id, 2, """
                {"commentId":"%s","disclosureId":"%s","organizationCode":"%s","authorName":"村民","body":"公开及时",
                 "approvedBy":"admin","at":"%sT09:00:00+08:00"}""".formatted(id, disclosure, ORG, day));
    }

    private static UUID pledge(String on, String due) {
        UUID id = UUID.randomUUID();
        TestEvents.send("commitment.CommitmentPledged", id, 1, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","title":"修缮村道%s","description":null,"category":null,
                 "departmentCode":null,"departmentName":null,"organizationCode":"%s","organizationName":"测试村",
                 "responsible":"村支书","targetQuantity":null,"targetUnit":null,"milestones":[],"pledgedOn":"%s",
                 "dueDate":"%s","pledgedBy":"clerk","at":"%sT09:00:00+08:00"}""".formatted(id, on, ORG, on, due, on));
        return id;
    }

    private static void fulfil(UUID id, String on, String due, boolean onTime) {
        TestEvents.send("commitment.CommitmentFulfilled", id, 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "fulfilledOn":"%s","dueDate":"%s","onTime":%s,"evidence":"验收单","fulfilledBy":"clerk",
                 "at":"%sT11:00:00+08:00"}""".formatted(id, ORG, on, due, onTime, on));
    }

    private static void evaluate(UUID commitment, String rating, String day) {
        UUID id = UUID.randomUUID();
        TestEvents.send("commitment.CommitmentEvaluated", id, 1, """
                {"evaluationId":"%s","commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,
                 "organizationCode":"%s","rating":"%s","commentHeld":false,"at":"%sT19:30:00+08:00"}"""
                .formatted(id, commitment, ORG, rating, day));
    }

    private static void finding(UUID id, String day) {
        TestEvents.send("supervision.FindingRaised", id, 1, """
                {"findingId":"%s","unitCode":"%s","groupCode":"YP-G04","source":"INSPECTION","inspectionId":null,
                 "lapseId":null,"description":"公开栏未及时更新","severity":"MAJOR","responsible":"村支书",
                 "raisedOn":"%s","deadline":"%s","raisedBy":"inspector","at":"%sT17:25:00+08:00"}"""
                .formatted(id, ORG, day, day, day));
    }
}
