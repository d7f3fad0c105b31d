package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual report on the demo county: the demo year's report opens as a page, a PDF and a workbook, and the years'
 * reports add up to the statistics the dashboard shows (the demo reaches back a year, so over two calendar years).
 */
class AnnualReportIT {

    private final String gateway = Suite.gateway();
    private final int demoYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void theDemoYearOpensAsAPageAPdfAndAWorkbook() throws Exception {
        JsonNode report = Suite.json(Suite.get(gateway + "/api/v1/public/annual-reports/" + demoYear, null));
        assertTrue(report.get("disclosures").get("total").asLong() > 0, report.toString());
        HttpResponse<String> page = Suite.get(gateway + "/annual-report.html?year=" + demoYear, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("玉屏县" + demoYear + "年度党务公开工作统计"));
        assertTrue(page.body().contains("id=\"disclosures-total\">" + report.get("disclosures").get("total").asLong() + "<"),
                "the page shows the report's figures");
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), head(bytes("/api/v1/public/annual-reports/" + demoYear + ".pdf")));
        assertArrayEquals(new byte[] {'P', 'K', 3, 4}, head(bytes("/api/v1/public/annual-reports/" + demoYear + ".xlsx")),
                "an XLSX is a zip");
        HttpResponse<byte[]> organization = getBytes("/api/v1/public/annual-reports/" + demoYear + ".pdf?organization=YP-V001");
        assertEquals(200, organization.statusCode());
    }

    @Test
    void theYearsReportsAddUpToTheStatistics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode statistics = Suite.json(Suite.get(gateway + "/api/v1/public/statistics", null));
            Map<String, Long> sums = new TreeMap<>();
            for (JsonNode year : Suite.json(Suite.get(gateway + "/api/v1/public/annual-reports", null)).get("years")) {
                JsonNode r = Suite.json(Suite.get(gateway + "/api/v1/public/annual-reports/" + year.asInt(), null));
                add(sums, "publicDisclosures", r.get("disclosures").get("total"));
                add(sums, "commentsApproved", r.get("commentsApproved"));
                for (String figure : List.of("kept", "late", "missing", "exempted", "periodsDue")) {
                    add(sums, "compliance." + figure, r.get("complianceTotal").get(figure));
                    for (JsonNode type : r.get("compliance")) {
                        add(sums, "complianceByType." + type.get("type").asText() + "." + figure, type.get(figure));
                    }
                }
                for (JsonNode kind : r.get("commitments")) {
                    for (String figure : List.of("pledged", "inProgress", "fulfilled", "fulfilledOnTime", "overdue", "withdrawn")) {
                        add(sums, "commitments." + kind.get("kind").asText() + "." + figure, kind.get(figure));
                    }
                }
                for (String figure : List.of("satisfied", "basicallySatisfied", "dissatisfied")) {
                    add(sums, "satisfaction." + figure, r.get("evaluations").get(figure));
                }
            }
            Map<String, Long> expected = new TreeMap<>();
            expected.put("publicDisclosures", statistics.get("publicDisclosures").asLong());
            expected.put("commentsApproved", statistics.get("commentsApproved").asLong());
            for (String figure : List.of("kept", "late", "missing", "exempted", "periodsDue")) {
                expected.put("compliance." + figure, statistics.get("compliance").get(figure).asLong());
                statistics.get("complianceByType").fields().forEachRemaining(type ->
                        expected.put("complianceByType." + type.getKey() + "." + figure, type.getValue().get(figure).asLong()));
            }
            statistics.get("commitments").fields().forEachRemaining(kind -> {
                for (String figure : List.of("pledged", "inProgress", "fulfilled", "fulfilledOnTime", "overdue", "withdrawn")) {
                    expected.put("commitments." + kind.getKey() + "." + figure, kind.getValue().get(figure).asLong());
                }
            });
            for (String figure : List.of("satisfied", "basicallySatisfied", "dissatisfied")) {
                expected.put("satisfaction." + figure, statistics.get("satisfaction").get(figure).asLong());
            }
            expected.keySet().forEach(key -> sums.putIfAbsent(key, 0L));
            assertEquals(expected, sums);
            assertTrue(expected.get("compliance.periodsDue") > 1000 && expected.get("commitments.PRACTICAL_THING.fulfilled") > 900,
                    "the demo county's figures, not an empty suite's: " + expected);
        });
    }

    private static void add(Map<String, Long> sums, String key, JsonNode value) {
        sums.merge(key, value.asLong(), Long::sum);
    }

    private byte[] bytes(String path) {
        HttpResponse<byte[]> response = getBytes(path);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private HttpResponse<byte[]> getBytes(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] head(byte[] body) {
        return java.util.Arrays.copyOf(body, 4);
    }
}
