package cn.gov.partyaffairs.supervision.programme;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.supervision.TestSupervision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static cn.gov.partyaffairs.supervision.TestSupervision.assign;
import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static cn.gov.partyaffairs.supervision.TestSupervision.put;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Designation and the one-group-at-a-time rule: every reassignment ends the previous one and stays in the history. */
@QuarkusTest
class UnitAssignmentTest {

    private static final LocalDate MARCH = LocalDate.parse("2017-03-01");

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
    void designationTakesOrganizationsOfTheRegisterOnceWithTheCadenceOfTheirType() {
        String admin = TestTokens.countyAdmin();
        String township = TestSupervision.organization("大龙镇党委", "township-committee");
        String village = TestSupervision.organization("大龙镇茅坪村党支部", "village-branch");
        String county = TestSupervision.organization("中共玉屏侗族自治县委员会", "county-committee");

        TestSupervision.designate(township, MARCH).statusCode(201)
                .body("cadenceMonths", equalTo(1)).body("typeLabel", equalTo("乡镇党委"))
                .body("status", equalTo("DESIGNATED")).body("groupCode", nullValue())
                .body("tasks.task", contains("IMPLEMENTATION_RULES", "CONTENT_CATALOG", "DISCLOSURE_METHODS", "MATERIALS_LEDGERS"))
                .body("tasks.status", everyItem(equalTo("NOT_STARTED")));
        TestSupervision.designate(village, MARCH).statusCode(201).body("cadenceMonths", equalTo(2));

        TestSupervision.designate(township, MARCH).statusCode(409).contentType("application/problem+json");
        TestSupervision.designate(county, MARCH).statusCode(400).body("errors[0].field", equalTo("organizationCode"));
        TestSupervision.designate("NO-SUCH-ORG", MARCH).statusCode(400).body("errors[0].field", equalTo("organizationCode"));
        String later = TestSupervision.organization("大龙镇长冲村党支部", "village-branch");
        TestSupervision.designate(later, LocalDate.parse("2017-06-16")).statusCode(400)
                .body("errors[0].field", equalTo("designatedOn"));
        // Only the county office designates.
        post(TestTokens.inspector("YP-G01"), "/units", """
                {"organizationCode":"%s"}""".formatted(village)).statusCode(403);
        get(admin, "/units?status=DESIGNATED").statusCode(200)
                .body("findAll { it.code == '" + township + "' || it.code == '" + village + "' }.size()", equalTo(2));
    }

    @Test
    void aReassignmentEndsThePreviousGroupsResponsibilityAndKeepsTheHistory() {
        String admin = TestTokens.countyAdmin();
        String unit = TestSupervision.unit("朱家场镇鱼塘村党支部", MARCH);
        String first = TestSupervision.group("第三督促指导小组");
        String second = TestSupervision.group("第四督促指导小组");

        assign(unit, first, LocalDate.parse("2017-03-01")).statusCode(200).body("groupCode", equalTo(first));
        put(TestTokens.inspector(first), "/units/" + unit + "/tasks/IMPLEMENTATION_RULES", """
                {"status":"DONE","on":"2017-04-20","note":"《鱼塘村党务公开实施细则》经支委会通过"}""").statusCode(200);

        assign(unit, first, LocalDate.parse("2017-05-01")).statusCode(409)
                .body("detail", containsString("已负责"));
        assign(unit, second, LocalDate.parse("2017-02-28")).statusCode(400).body("errors[0].field", equalTo("from"));
        assign(unit, "G-NONE", LocalDate.parse("2017-05-01")).statusCode(400).body("errors[0].field", equalTo("groupCode"));
        assign(unit, second, LocalDate.parse("2017-06-16")).statusCode(400).body("errors[0].field", equalTo("from"));
        assign(unit, second, LocalDate.parse("2017-05-01")).statusCode(200)
                .body("groupCode", equalTo(second))
                .body("assignments.groupCode", contains(first, second))
                .body("assignments.from", contains("2017-03-01", "2017-05-01"))
                .body("assignments.until", contains("2017-05-01", null));

        // The first group no longer acts for the unit; the second does.
        put(TestTokens.inspector(first), "/units/" + unit + "/tasks/CONTENT_CATALOG", """
                {"status":"DONE"}""").statusCode(403).contentType("application/problem+json");
        // 确定公开内容和目录 is not done while the unit's content list is empty: 409, saying what to do first.
        put(TestTokens.inspector(second), "/units/" + unit + "/tasks/CONTENT_CATALOG", """
                {"status":"DONE","on":"2017-05-10"}""").statusCode(409).contentType("application/problem+json")
                .body("type", containsString("content-list-empty"))
                .body("detail", containsString("尚未确定公开内容和目录"))
                .body("detail", containsString("请先"))
                .body("detail", containsString("/organizations/" + unit + "/content-list"));
        put(TestTokens.inspector(second), "/units/" + unit + "/tasks/CONTENT_CATALOG", """
                {"status":"IN_PROGRESS","on":"2017-05-10"}""").statusCode(200);
        TestSupervision.contentList(unit, 2, "C1-01", "C5-02", "C8-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> put(TestTokens.inspector(second),
                "/units/" + unit + "/tasks/CONTENT_CATALOG", "{\"status\":\"DONE\",\"on\":\"2017-05-10\"}")
                .extract().statusCode() == 200);
        get(TestTokens.inspector(second), "/units/" + unit).statusCode(200)
                .body("tasks.find { it.task == 'CONTENT_CATALOG' }.status", equalTo("DONE"))
                .body("tasks.find { it.task == 'IMPLEMENTATION_RULES' }.note", equalTo("《鱼塘村党务公开实施细则》经支委会通过"));
        get(admin, "/groups/" + first).statusCode(200).body("unitCodes", hasSize(0));
        get(admin, "/groups/" + second).statusCode(200).body("unitCodes", contains(unit));
        get(admin, "/units?group=" + second).statusCode(200).body("code", contains(unit));

        String unitId = get(admin, "/units/" + unit).extract().path("id");
        // The refused attempts left no event behind.
        List<ConsumerRecord<String, String>> events = TestSupervision.events(unitId, 6);
        assertEquals(List.of("DemonstrationUnitDesignated.v1", "UnitAssignedToGroup.v1", "GuidanceTaskUpdated.v1",
                        "UnitAssignedToGroup.v1", "GuidanceTaskUpdated.v1", "GuidanceTaskUpdated.v1"),
                events.stream().map(r -> EventProbe.header(r, "ce_type").replace(TestSupervision.PREFIX, "")).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                events.stream().map(r -> EventProbe.header(r, "ce_aggregateversion")).toList());
        assertEquals(true, events.get(3).value().contains("\"previousGroupCode\":\"" + first + "\""));
    }

    @Test
    void racingReassignmentsLeaveExactlyOneResponsibleGroup() {
        String admin = TestTokens.countyAdmin();
        String unit = TestSupervision.unit("新店镇龙塘村党支部", MARCH);
        List<String> groups = IntStream.range(0, 4).mapToObj(i -> TestSupervision.group("片区小组" + i)).toList();

        List<CompletableFuture<Integer>> racing = groups.stream().map(g -> CompletableFuture.supplyAsync(() ->
                assign(unit, g, LocalDate.parse("2017-04-01")).extract().statusCode())).toList();
        assertEquals(List.of(200, 200, 200, 200), racing.stream().map(CompletableFuture::join).toList());

        List<Map<String, Object>> history = get(admin, "/units/" + unit).statusCode(200).extract().path("assignments");
        assertEquals(4, history.size());
        assertEquals(1, history.stream().filter(a -> a.get("until") == null).count(), "one responsible group at a time");
        String current = get(admin, "/units/" + unit).extract().path("groupCode");
        assertEquals(1, groups.stream().filter(g -> get(admin, "/groups/" + g).extract().<List<String>>path("unitCodes")
                .contains(unit)).count());
        assertEquals(current, history.stream().filter(a -> a.get("until") == null).findFirst().orElseThrow().get("groupCode"));
    }

    @Test
    void aWithdrawnUnitHasNoGroupAndTakesNoMoreStepsUntilDesignatedAgain() {
        String admin = TestTokens.countyAdmin();
        String unit = TestSupervision.unit("田坪镇黄土村党支部", MARCH);
        String group = TestSupervision.group("第五督促指导小组");
        assign(unit, group, MARCH).statusCode(200);

        post(admin, "/units/" + unit + "/withdraw", "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        post(admin, "/units/" + unit + "/withdraw", """
                {"reason":"与邻村党支部合并","withdrawnOn":"2017-06-01"}""")
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("groupCode", nullValue());
        get(admin, "/units/" + unit).body("assignments.until", contains("2017-06-01"));

        assign(unit, group, LocalDate.parse("2017-06-10")).statusCode(409)
                .body("currentState", equalTo("WITHDRAWN（已撤销示范）"));
        put(admin, "/units/" + unit + "/tasks/DISCLOSURE_METHODS", """
                {"status":"IN_PROGRESS"}""").statusCode(409).body("currentState", equalTo("WITHDRAWN（已撤销示范）"));
        post(admin, "/units/" + unit + "/withdraw", """
                {"reason":"再次撤销"}""").statusCode(409);
        put(TestTokens.inspector(group), "/units/" + unit + "/tasks/DISCLOSURE_METHODS", """
                {"status":"IN_PROGRESS"}""").statusCode(403);

        TestSupervision.designate(unit, LocalDate.parse("2017-06-10")).statusCode(201)
                .body("status", equalTo("DESIGNATED")).body("designatedOn", equalTo("2017-06-10"));
        assign(unit, group, LocalDate.parse("2017-06-10")).statusCode(200)
                .body("assignments.until", contains("2017-06-01", null));
    }
}
