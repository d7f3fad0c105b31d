package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read policy as a matrix generated from the OpenAPI documents, so that a new read of a unit's records is
 * covered without touching this test: every GET of the supervision service under a unit-scoped resource (findings,
 * inspections, units, groups, reports) and of the disclosure service's media submissions, for the demo clerk's unit
 * YP-V001 (group YP-G01), with the demo users' real tokens — directly on the service and through the gateway. The
 * county admin, the unit's clerk and its group's inspector get 200 (the clerk not for the group's reports); another
 * unit's clerk where the record is not theirs, the department head and the department's system get 403.
 */
class LeakMatrixIT {

    private static final List<String> SCOPED = List.of("/findings", "/inspections", "/units", "/groups", "/reports",
            "/media-submissions");
    /** Reads that are not of one unit's records: the checklist, and the county-wide media statistics. */
    private static final List<String> UNSCOPED = List.of("/inspections/checklist", "/media-submissions/statistics");

    @Test
    void everyScopedReadAnswersTheRightCallersOnly() throws Exception {
        String admin = Suite.token("admin");
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", admin);
        tokens.put("clerk", Suite.token("clerk"));
        tokens.put("clerk2", Suite.token("clerk2"));
        tokens.put("inspector", Suite.token("inspector"));
        tokens.put("head", Suite.token("head"));
        tokens.put("integration", Suite.clientToken("integration-demo", "integration-secret"));
        String supervision = Suite.service("SUPERVISION_PORT", "8083");
        String disclosure = Suite.service("DISCLOSURE_PORT", "8081");

        // What fills each path parameter: a record of YP-V001's, found as the county admin.
        Map<String, Function<String, String>> sources = new LinkedHashMap<>();
        sources.put("/findings/{id}", base -> first(Suite.get(base + "/findings?unit=YP-V001&size=1", admin), "items", "id"));
        sources.put("/inspections/{id}", base -> first(Suite.get(base + "/inspections?unit=YP-V001&size=1", admin), "items", "id"));
        sources.put("/reports/{id}", base -> first(Suite.get(base + "/groups/YP-G01/reports", admin), null, "id"));
        Map<String, String> codes = Map.of("/units/{code}", "YP-V001", "/groups/{code}", "YP-G01");

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int operations = 0;
        for (String[] part : new String[][]{{supervision, "SUPERVISION_MANAGEMENT_PORT", "9083"},
                {disclosure, "DISCLOSURE_MANAGEMENT_PORT", "9081"}}) {
            JsonNode openApi = Suite.json(Suite.get(Suite.service(part[1], part[2]) + "/q/openapi?format=json", null));
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = paths.next();
                String template = entry.getKey();
                if (!entry.getValue().has("get") || UNSCOPED.contains(template)
                        || SCOPED.stream().noneMatch(prefix -> template.equals(prefix) || template.startsWith(prefix + "/"))) {
                    continue;
                }
                operations++;
                String path = template;
                for (Map.Entry<String, String> code : codes.entrySet()) {
                    String prefix = code.getKey().substring(0, code.getKey().indexOf('{'));
                    if (path.startsWith(prefix + "{")) {
                        path = path.replaceFirst("\\{[^}]+}", code.getValue());
                    }
                }
                for (Map.Entry<String, Function<String, String>> source : sources.entrySet()) {
                    if (path.equals(source.getKey())) {
                        path = path.replace("{id}", source.getValue().apply(part[0]));
                    }
                }
                assertTrue(!path.contains("{"), template + " is a new scoped read: give LeakMatrixIT a source for it");
                boolean list = !template.contains("{");
                boolean reports = template.contains("reports");
                boolean media = template.startsWith("/media-submissions");
                Map<String, Integer> expected = new LinkedHashMap<>();
                expected.put("admin", 200);
                expected.put("clerk", reports ? 403 : 200);
                // A list is narrowed for another clerk (their own records), a record of YP-V001's refused.
                expected.put("clerk2", list ? 200 : 403);
                if (template.equals("/groups/{code}") && groupUnits(part[0], admin).contains("YP-V002")) {
                    expected.put("clerk2", 200); // the group responsible for clerk2's unit too (the demo's YP-G01)
                }
                expected.put("inspector", media ? 403 : 200);
                expected.put("head", 403);
                expected.put("integration", 403);
                String query = list && !media ? (template.equals("/units") || template.equals("/groups") ? "" : "?unit=YP-V001")
                        : list ? "?organization=YP-V001" : "";
                for (String base : List.of(part[0], Suite.gateway() + "/api/v1/internal")) {
                    for (Map.Entry<String, Integer> cell : expected.entrySet()) {
                        int want = cell.getValue();
                        if (cell.getKey().equals("clerk2") && list && !query.isEmpty()) {
                            want = 403; // asked for YP-V001's by name
                        }
                        HttpResponse<String> answer = Suite.get(base + path + query, tokens.get(cell.getKey()));
                        cells++;
                        if (answer.statusCode() != want) {
                            wrong.add(cell.getKey() + " GET " + base.replaceAll("http://localhost", "") + path + query + ": "
                                    + answer.statusCode() + ", expected " + want);
                        }
                    }
                }
            }
        }
        System.out.printf("leak matrix: %d operations, %d cells, %d wrong%n", operations, cells, wrong.size());
        assertTrue(operations >= 9, "the documents list the scoped reads: " + operations);
        assertEquals(List.of(), wrong);
    }

    private static String first(HttpResponse<String> answer, String field, String key) {
        JsonNode json = Suite.json(answer);
        JsonNode items = field == null ? json : json.path(field);
        assertTrue(items.size() > 0, "the demo data has a record for the matrix: " + answer.body());
        return items.get(0).path(key).asText();
    }

    /** The codes of the units the group YP-G01 is responsible for now, as the county admin reads them. */
    private static List<String> groupUnits(String base, String admin) {
        List<String> units = new ArrayList<>();
        Suite.json(Suite.get(base + "/groups/YP-G01", admin)).path("unitCodes").forEach(code -> units.add(code.asText()));
        return units;
    }
}
