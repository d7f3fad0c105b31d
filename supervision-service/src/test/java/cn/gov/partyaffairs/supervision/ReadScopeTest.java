package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county's read policy, role by resource: a unit's findings, inspections, set-up tasks, its group and the
 * group's reports are for the unit's own clerk (reports excepted), the inspectors of the group responsible for it and
 * the county office. Another unit's clerk, another group's inspector, a department head and a department's system
 * are refused (403) — they read the aggregate figures on the dashboard.
 */
@QuarkusTest
class ReadScopeTest {

    private final LocalDate today = LocalDate.parse("2017-06-15");

    @Inject
    TestClock clock;

    @BeforeEach
    void june2017() {
        clock.set(Instant.parse("2017-06-15T02:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aUnitsRecordsAreForItsClerkItsGroupAndTheCountyOfficeOnly() {
        String unit = TestSupervision.unit("朱家场镇读取范围村党支部", today);
        String group = TestSupervision.group("读取范围第一小组");
        TestSupervision.assign(unit, group, today).statusCode(200);
        String otherUnit = TestSupervision.unit("田坪镇读取范围村党支部", today);
        String otherGroup = TestSupervision.group("读取范围第二小组");
        TestSupervision.assign(otherUnit, otherGroup, today).statusCode(200);

        String inspector = TestTokens.inspector(group);
        String finding = TestSupervision.finding(inspector, unit, today, today.plusDays(30));
        String round = post(TestTokens.countyAdmin(), "/rounds", """
                {"name":"读取范围督查","startsOn":"%s","endsOn":"%s","unitCodes":["%s"]}"""
                .formatted(today, today.plusDays(10), unit)).statusCode(201).extract().path("id");
        String inspection = post(inspector, "/rounds/" + round + "/inspections", """
                {"unitCode":"%s","inspectedOn":"%s","inspectors":["陈静"],"scores":%s}"""
                .formatted(unit, today, TestSupervision.scores(88)))
                .statusCode(201).extract().path("id");
        String report = post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-06\"}")
                .statusCode(201).extract().path("id");

        Map<String, String> unitRecords = new LinkedHashMap<>();
        unitRecords.put("finding", "/findings/" + finding);
        unitRecords.put("findings of the unit", "/findings?unit=" + unit);
        unitRecords.put("findings of the group", "/findings?group=" + group);
        unitRecords.put("inspection", "/inspections/" + inspection);
        unitRecords.put("inspections of the unit", "/inspections?unit=" + unit);
        unitRecords.put("unit", "/units/" + unit);
        unitRecords.put("group", "/groups/" + group);
        Map<String, String> groupRecords = Map.of(
                "group's reports", "/groups/" + group + "/reports",
                "report", "/reports/" + report);

        Map<String, String> right = Map.of("county admin", TestTokens.countyAdmin(), "the group's inspector", inspector);
        Map<String, String> wrong = Map.of(
                "another unit's clerk", TestTokens.clerk(otherUnit),
                "another group's inspector", TestTokens.inspector(otherGroup),
                "a department head", TestTokens.departmentHead("YP-D-TRANSPORT"),
                "an integration client", TestTokens.integration());
        List<String> leaks = new ArrayList<>();
        check(leaks, unitRecords, right, 200);
        check(leaks, groupRecords, right, 200);
        check(leaks, unitRecords, Map.of("the unit's clerk", TestTokens.clerk(unit)), 200);
        check(leaks, groupRecords, Map.of("the unit's clerk", TestTokens.clerk(unit)), 403);
        check(leaks, unitRecords, wrong, 403);
        check(leaks, groupRecords, wrong, 403);
        // A system granted findings:read reads its own unit's findings and nothing else of it; bound to another unit,
        // or without the grant, nothing.
        String unitSystem = TestTokens.system("unit-system", "org_code", unit, "findings:read");
        Map<String, String> findings = new LinkedHashMap<>(unitRecords);
        findings.keySet().removeIf(name -> !name.startsWith("finding"));
        Map<String, String> others = new LinkedHashMap<>(unitRecords);
        others.keySet().removeIf(name -> name.startsWith("finding"));
        check(leaks, findings, Map.of("the unit's system with findings:read", unitSystem), 200);
        check(leaks, others, Map.of("the unit's system with findings:read", unitSystem), 403);
        check(leaks, groupRecords, Map.of("the unit's system with findings:read", unitSystem), 403);
        check(leaks, findings, Map.of(
                "another unit's system with findings:read", TestTokens.system("other-system", "org_code", otherUnit, "findings:read"),
                "the unit's system without the grant", TestTokens.system("unit-system", "org_code", unit)), 403);
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));

        // Unfiltered lists are narrowed to what the caller may read, not refused.
        get(TestTokens.clerk(otherUnit), "/findings?size=200").statusCode(200).body("items.unitCode", everyItem(
                org.hamcrest.Matchers.equalTo(otherUnit)));
        get(TestTokens.inspector(otherGroup), "/findings?size=200").statusCode(200)
                .body("items.unitCode", not(hasItem(unit)));
        get(TestTokens.inspector(otherGroup), "/inspections?size=200").statusCode(200)
                .body("items.unitCode", not(hasItem(unit)));
        get(TestTokens.inspector(otherGroup), "/units").statusCode(200).body("code", not(hasItem(unit)));
        get(TestTokens.clerk(unit), "/units").statusCode(200).body("code", everyItem(
                org.hamcrest.Matchers.equalTo(unit)));
        get(inspector, "/findings?size=200").statusCode(200).body("items.id", hasItem(finding));
        get(TestTokens.countyAdmin(), "/groups").statusCode(200).body("code", hasItem(group));
        get(TestTokens.inspector(otherGroup), "/groups").statusCode(200).body("code", not(hasItem(group)));
        get(TestTokens.departmentHead("YP-D-TRANSPORT"), "/findings").statusCode(403)
                .contentType("application/problem+json");
    }

    private static void check(List<String> leaks, Map<String, String> paths, Map<String, String> callers, int expected) {
        paths.forEach((what, path) -> callers.forEach((who, token) -> {
            int status = get(token, path).extract().statusCode();
            if (status != expected) {
                leaks.add(who + " reading " + what + " (" + path + "): " + status + ", expected " + expected);
            }
        }));
    }
}
