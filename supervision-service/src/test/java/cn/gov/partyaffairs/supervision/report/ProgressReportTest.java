package cn.gov.partyaffairs.supervision.report;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.supervision.TestSupervision;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.gov.partyaffairs.supervision.TestSupervision.assign;
import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static cn.gov.partyaffairs.supervision.TestSupervision.put;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A group's progress report, generated from its units' figures and checked against figures worked out by hand from
 * the story below; then edited, generated again and filed, after which it no longer changes.
 */
@QuarkusTest
class ProgressReportTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theReportOfAPeriodCountsWhatStoodAndWhatHappenedThen() {
        clock.set(Instant.parse("2017-06-15T02:00:00Z"));
        String admin = TestTokens.countyAdmin();
        LocalDate april = LocalDate.parse("2017-04-01");
        String group = TestSupervision.group("第二督促指导小组");
        String other = TestSupervision.group("第三督促指导小组");
        String inspector = TestTokens.inspector(group);

        // U1 a village branch and U2 a township committee, the group's since April; U3 the group's only from
        // 5 June; U4 the group's until 20 May, then the other group's.
        String u1 = TestSupervision.unit("朱家场镇鱼塘村党支部", april);
        String u2 = TestSupervision.organization("朱家场镇党委", "township-committee");
        TestSupervision.designate(u2, april).statusCode(201);
        String u3 = TestSupervision.unit("朱家场镇大湾村党支部", april);
        String u4 = TestSupervision.unit("朱家场镇茅坪村党支部", april);
        assign(u1, group, april).statusCode(200);
        assign(u2, group, april).statusCode(200);
        assign(u3, group, LocalDate.parse("2017-06-05")).statusCode(200);
        assign(u4, group, april).statusCode(200);
        assign(u4, other, LocalDate.parse("2017-05-20")).statusCode(200);

        // Set-up tasks: U1 two done by the end of May (a third in June), U2 one, on its last day.
        task(inspector, u1, "IMPLEMENTATION_RULES", "DONE", "2017-04-20");
        TestSupervision.contentList(u1, 2, "C1-01", "C8-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> put(inspector, "/units/" + u1 + "/tasks/CONTENT_CATALOG",
                "{\"status\":\"DONE\",\"on\":\"2017-05-10\"}").extract().statusCode() == 200);
        task(inspector, u1, "DISCLOSURE_METHODS", "DONE", "2017-06-02");
        task(inspector, u1, "MATERIALS_LEDGERS", "IN_PROGRESS", "2017-05-15");
        task(inspector, u2, "IMPLEMENTATION_RULES", "DONE", "2017-05-31");

        // Inspections: U1 in April (60), U1 (86) and U2 (73) in May.
        String first = round("第一轮督查", "2017-04-20", "2017-04-30", u1);
        String second = round("第二轮督查", "2017-05-01", "2017-05-31", u1, u2);
        inspect(inspector, first, u1, "2017-04-25", 60);
        inspect(inspector, second, u1, "2017-05-12", 86);
        inspect(inspector, second, u2, "2017-05-18", 73);

        // Findings typed in by the group.
        String f1 = TestSupervision.finding(inspector, u1, LocalDate.parse("2017-04-25"), LocalDate.parse("2017-05-10"));
        step(inspector, f1, "rectification", "{\"evidence\":\"照片\",\"reportedOn\":\"2017-05-08\"}");
        step(inspector, f1, "verify", "{\"verifiedOn\":\"2017-05-15\"}");
        String f5 = TestSupervision.finding(inspector, u1, LocalDate.parse("2017-04-25"), LocalDate.parse("2017-05-05"));
        step(inspector, f5, "rectification", "{\"evidence\":\"照片\",\"reportedOn\":\"2017-05-04\"}");
        step(inspector, f5, "reopen", "{\"reason\":\"不到位\",\"newDeadline\":\"2017-05-20\",\"reopenedOn\":\"2017-05-09\"}");
        TestSupervision.finding(inspector, u1, LocalDate.parse("2017-05-12"), LocalDate.parse("2017-05-25"));
        TestSupervision.finding(inspector, u2, LocalDate.parse("2017-05-18"), LocalDate.parse("2017-06-10"));
        String f4 = TestSupervision.finding(inspector, u2, LocalDate.parse("2017-05-18"), LocalDate.parse("2017-05-20"));
        step(inspector, f4, "rectification", "{\"evidence\":\"照片\",\"reportedOn\":\"2017-05-19\"}");
        step(inspector, f4, "verify", "{\"verifiedOn\":\"2017-06-03\"}");
        TestSupervision.finding(inspector, u1, LocalDate.parse("2017-06-02"), LocalDate.parse("2017-06-30"));
        TestSupervision.finding(inspector, u3, LocalDate.parse("2017-05-20"), LocalDate.parse("2017-06-30"));

        // Lapses: U1 missed the disclosure due 10 May (published late on 20 May); U2's practical thing due 15 May is overdue.
        UUID obligation = UUID.randomUUID();
        send("disclosure.events", obligation, "cn.gov.partyaffairs.disclosure.DisclosureOverdue.v1", 1, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","organizationType":"village-branch",
                 "periodStart":"2017-03-01","periodEnd":"2017-04-30","dueDate":"2017-05-10",
                 "detectedAt":"2017-05-11T09:00:00+08:00"}""".formatted(obligation, UUID.randomUUID(), u1));
        send("disclosure.events", obligation, "cn.gov.partyaffairs.disclosure.DisclosureLapseCured.v1", 2, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","periodStart":"2017-03-01",
                 "periodEnd":"2017-04-30","disclosureId":"%s","publishedAt":"2017-05-20T09:00:00+08:00"}"""
                .formatted(obligation, UUID.randomUUID(), u1, UUID.randomUUID()));
        // U2's April disclosure was reported missing on 11 May, then a paper ledger showed it out on 8 May: on time.
        UUID aprilDisclosure = UUID.randomUUID();
        send("disclosure.events", aprilDisclosure, "cn.gov.partyaffairs.disclosure.DisclosureOverdue.v1", 1, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","organizationType":"township-committee",
                 "periodStart":"2017-04-01","periodEnd":"2017-04-30","dueDate":"2017-05-10",
                 "detectedAt":"2017-05-11T09:00:00+08:00"}""".formatted(aprilDisclosure, UUID.randomUUID(), u2));
        send("disclosure.events", aprilDisclosure, "cn.gov.partyaffairs.disclosure.DisclosureLapseCured.v1", 2, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","periodStart":"2017-04-01",
                 "periodEnd":"2017-04-30","disclosureId":"%s","publishedAt":"2017-05-08T09:00:00+08:00","onTime":true}"""
                .formatted(aprilDisclosure, UUID.randomUUID(), u2, UUID.randomUUID()));
        UUID commitment = UUID.randomUUID();
        send("commitment.events", commitment, "cn.gov.partyaffairs.commitment.CommitmentOverdue.v1", 3, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "title":"修建通组水泥路","dueDate":"2017-05-15","progressPercent":40,
                 "detectedAt":"2017-05-16T09:00:00+08:00"}""".formatted(commitment, u2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            get(admin, "/findings?unit=" + u1 + "&status=RESOLVED").body("total", equalTo(1));
            get(admin, "/findings?unit=" + u2 + "&source=COMMITMENT_LAPSE").body("total", equalTo(1));
            get(admin, "/findings?unit=" + u2 + "&status=RESOLVED").body("total", equalTo(1));
        });

        post(TestTokens.inspector(other), "/groups/" + group + "/reports", "{\"period\":\"2017-05\"}").statusCode(403);
        post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-13\"}").statusCode(400)
                .body("errors[0].field", equalTo("period"));
        post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-07\"}").statusCode(400);

        // May, worked out by hand. U1: tasks 2; one inspection (86); raised in May the 12 May finding and the
        // automatic one (11 May); closed in May f1 (15 May) and the automatic one (cured 20 May); open at the end
        // f5 (reopened, due 20 May) and the 12 May one (due 25 May), both overdue; a missed disclosure.
        // U2: task 1; one inspection (73); raised four (two on 18 May, the automatic ones on 11 and 16 May); the
        // 11 May one closed that day (cured on time, so no missed disclosure); open at the end three: f4 awaits
        // verification (not overdue), the other due 10 June, the automatic one due 31 May (the last day: not yet
        // overdue); a practical thing overdue. U4: nothing, but the group's for part of May.
        // U3 only from June: not in.
        String may = post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-05\"}").statusCode(201)
                .body("status", equalTo("DRAFT")).body("asOf", equalTo("2017-05-31"))
                .body("periodLabel", equalTo("2017年5月"))
                .body("units.unitCode", contains(sorted(u1, u2, u4).toArray()))
                .extract().path("id");
        ValidatableResponse report = get(inspector, "/reports/" + may).statusCode(200);
        figures(report, 3, 3, 12, 2, 79.5f, 6, 3, 5, 2, 1, 1, 2);
        unit(report, u1, 2, 1, 86.0f, 2, 2, 2, 2, 1, 0, false);
        unit(report, u2, 1, 1, 73.0f, 4, 1, 3, 0, 0, 1, true);
        unit(report, u4, 0, 0, null, 0, 0, 0, 0, 0, 0, true);
        String generated = "第二督促指导小组2017年5月督促指导工作情况：负责示范单位3个。本期开展督查2次，平均得分79.5分；"
                + "新发现问题6个，整改销号3个；期末未整改问题5个，其中逾期2个。2/3个单位按期公开党务，逾期未公开1期；"
                + "为民办实事逾期1项。建设任务完成3/12项。";
        report.body("summary", equalTo(generated));

        // The quarter so far (to 15 June): U3 joins; June's task, finding and verification count; f3 (due 10 June)
        // and the automatic U2 one (due 31 May) are overdue now.
        ValidatableResponse quarter = post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-Q2\"}")
                .statusCode(201).body("asOf", equalTo("2017-06-15")).body("periodLabel", equalTo("2017年第二季度"));
        figures(quarter, 4, 4, 16, 3, 73.0f, 10, 4, 6, 4, 1, 1, 3);
        // The other group had U4 for part of May too.
        figures(post(TestTokens.inspector(other), "/groups/" + other + "/reports", "{\"period\":\"2017-05\"}")
                .statusCode(201), 1, 0, 4, 0, null, 0, 0, 0, 0, 0, 0, 1);

        // Edited, generated again (the new summary replaces the text, the next steps stay), edited, filed.
        put(inspector, "/reports/" + may, "{\"summary\":\"\"}").statusCode(400).body("errors[0].field", equalTo("summary"));
        put(TestTokens.inspector(other), "/reports/" + may, "{\"summary\":\"冒名修改\"}").statusCode(403);
        put(inspector, "/reports/" + may, """
                {"summary":"%s鱼塘村“一栏一屏一册”做法值得推广。","nextSteps":"6月中旬前督促逾期问题整改到位。"}"""
                .formatted(generated)).statusCode(200).body("nextSteps", equalTo("6月中旬前督促逾期问题整改到位。"));
        post(inspector, "/reports/" + may + "/regenerate", "").statusCode(200)
                .body("summary", equalTo(generated)).body("nextSteps", equalTo("6月中旬前督促逾期问题整改到位。"))
                .body("figures.openFindings", equalTo(5));
        put(inspector, "/reports/" + may, """
                {"summary":"%s经验值得推广。","nextSteps":"开展回头看。"}""".formatted(generated)).statusCode(200);
        post(inspector, "/reports/" + may + "/file", "").statusCode(200)
                .body("status", equalTo("FILED")).body("filedBy", equalTo("inspector-" + group.toLowerCase()));

        put(inspector, "/reports/" + may, "{\"summary\":\"再改\"}").statusCode(409)
                .body("currentState", equalTo("FILED（已报送）"));
        post(inspector, "/reports/" + may + "/regenerate", "").statusCode(409);
        post(inspector, "/reports/" + may + "/file", "").statusCode(409);
        post(inspector, "/groups/" + group + "/reports", "{\"period\":\"2017-05\"}").statusCode(409);
        get(admin, "/groups/" + group + "/reports").statusCode(200).body("period", contains("2017-05", "2017-Q2"));

        assertEquals(List.of("ProgressReportGenerated.v1", "ProgressReportEdited.v1", "ProgressReportGenerated.v1",
                "ProgressReportEdited.v1", "ProgressReportFiled.v1"), TestSupervision.eventTypes(may, 5));
    }

    private static void figures(ValidatableResponse r, int units, int tasksDone, int tasksTotal, int inspections,
                                Float averageScore, int raised, int closed, int open, int overdue, int disclosureLapses,
                                int commitmentLapses, int keepingCadence) {
        r.body("figures.units", equalTo(units)).body("figures.tasksDone", equalTo(tasksDone))
                .body("figures.tasksTotal", equalTo(tasksTotal)).body("figures.inspections", equalTo(inspections))
                .body("figures.averageScore", averageScore == null ? nullValue() : equalTo(averageScore))
                .body("figures.findingsRaised", equalTo(raised)).body("figures.findingsClosed", equalTo(closed))
                .body("figures.openFindings", equalTo(open)).body("figures.overdueFindings", equalTo(overdue))
                .body("figures.disclosureLapses", equalTo(disclosureLapses))
                .body("figures.commitmentLapses", equalTo(commitmentLapses))
                .body("figures.unitsKeepingCadence", equalTo(keepingCadence));
    }

    private static void unit(ValidatableResponse r, String code, int tasksDone, int inspections, Float averageScore,
                             int raised, int closed, int open, int overdue, int disclosureLapses, int commitmentLapses,
                             boolean cadenceKept) {
        String u = "units.find { it.unitCode == '" + code + "' }.";
        r.body(u + "tasksDone", equalTo(tasksDone)).body(u + "inspections", equalTo(inspections))
                .body(u + "averageScore", averageScore == null ? nullValue() : equalTo(averageScore))
                .body(u + "findingsRaised", equalTo(raised)).body(u + "findingsClosed", equalTo(closed))
                .body(u + "openFindings", equalTo(open)).body(u + "overdueFindings", equalTo(overdue))
                .body(u + "disclosureLapses", equalTo(disclosureLapses))
                .body(u + "commitmentLapses", equalTo(commitmentLapses)).body(u + "cadenceKept", equalTo(cadenceKept));
    }

    private static List<String> sorted(String... codes) {
        return java.util.Arrays.stream(codes).sorted().toList();
    }

    private static void task(String token, String unit, String task, String status, String on) {
        put(token, "/units/" + unit + "/tasks/" + task, """
                {"status":"%s","on":"%s"}""".formatted(status, on)).statusCode(200);
    }

    private static String round(String name, String startsOn, String endsOn, String... units) {
        return post(TestTokens.countyAdmin(), "/rounds", """
                {"name":"%s","startsOn":"%s","endsOn":"%s","unitCodes":["%s"]}"""
                .formatted(name, startsOn, endsOn, String.join("\",\"", units))).statusCode(201).extract().path("id");
    }

    private static void inspect(String token, String round, String unit, String on, int total) {
        post(token, "/rounds/" + round + "/inspections", """
                {"unitCode":"%s","inspectedOn":"%s","inspectors":["陈静"],"scores":%s}"""
                .formatted(unit, on, TestSupervision.scores(total))).statusCode(201).body("totalScore", equalTo(total));
    }

    private static void step(String token, String finding, String step, String body) {
        post(token, "/findings/" + finding + "/" + step, body).statusCode(200);
    }

    private static void send(String topic, UUID aggregate, String type, long version, String body) {
        EventProbe.send(topic, aggregate.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), type, aggregate, version), body);
    }
}
