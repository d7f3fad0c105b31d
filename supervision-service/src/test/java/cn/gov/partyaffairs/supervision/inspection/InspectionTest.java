package cn.gov.partyaffairs.supervision.inspection;

import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.supervision.TestSupervision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A round over planned units; one inspection per unit, within the round, every checklist item scored. */
@QuarkusTest
class InspectionTest {

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
    void anInspectionScoresTheWholeChecklistOncePerUnitAndRound() {
        String admin = TestTokens.countyAdmin();
        LocalDate march = LocalDate.parse("2017-03-01");
        String unit = TestSupervision.unit("平溪镇鱼塘村党支部", march);
        String outside = TestSupervision.unit("平溪镇大湾村党支部", march);
        String group = TestSupervision.group("第一督促指导小组");
        TestSupervision.assign(unit, group, march).statusCode(200);
        TestSupervision.assign(outside, group, march).statusCode(200);
        String inspector = TestTokens.inspector(group);

        post(admin, "/rounds", """
                {"name":"第一轮督查","startsOn":"2017-05-02","endsOn":"2017-05-31","unitCodes":["%s","NOT-A-UNIT"]}"""
                .formatted(unit)).statusCode(400).body("errors[0].field", equalTo("unitCodes[1]"));
        post(inspector, "/rounds", """
                {"name":"第一轮督查","startsOn":"2017-05-02","endsOn":"2017-05-31","unitCodes":["%s"]}"""
                .formatted(unit)).statusCode(403);
        String round = post(admin, "/rounds", """
                {"name":"第一轮督查","startsOn":"2017-05-02","endsOn":"2017-05-31","unitCodes":["%s"]}"""
                .formatted(unit)).statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        String path = "/rounds/" + round + "/inspections";

        get(admin, "/inspections/checklist").statusCode(200).body("", hasSize(8))
                .body("maxScore.sum()", equalTo(100)).body("[7].label", equalTo("“五型党组织”建设"));
        post(inspector, path, body(unit, "2017-05-12", "[{\"item\":\"five-type\",\"score\":12}]"))
                .statusCode(400).body("errors[0].field", equalTo("scores"))
                .body("errors[0].message", containsString("实施细则制定（implementation-rules）"));
        post(inspector, path, body(unit, "2017-05-12", TestSupervision.scores(86).replace("\"score\":15}]", "\"score\":16}]")))
                .statusCode(400).body("errors[0].field", equalTo("scores[7].score"));
        post(inspector, path, body(unit, "2017-05-12", "[{\"item\":\"no-such-item\",\"score\":1}]"))
                .statusCode(400).body("errors[0].field", equalTo("scores[0].item"));
        post(inspector, path, body(unit, "2017-06-01", TestSupervision.scores(86)))
                .statusCode(400).body("errors[0].field", equalTo("inspectedOn"));
        post(inspector, path, body(outside, "2017-05-12", TestSupervision.scores(86)))
                .statusCode(400).body("errors[0].field", equalTo("unitCode"));
        post(TestTokens.inspector("G-OTHER"), path, body(unit, "2017-05-12", TestSupervision.scores(86))).statusCode(403);

        String inspection = post(inspector, path, body(unit, "2017-05-12", TestSupervision.scores(86)))
                .statusCode(201).body("totalScore", equalTo(86)).body("maxScore", equalTo(100))
                .body("groupCode", equalTo(group)).body("inspectors", equalTo(List.of("陈静", "杨明")))
                .body("observations", equalTo("公开栏内容更新及时；党费收缴情况未按期公开。"))
                .extract().path("id");
        post(inspector, path, body(unit, "2017-05-20", TestSupervision.scores(90))).statusCode(409);

        post(admin, "/rounds/" + round + "/close", "").statusCode(200).body("status", equalTo("CLOSED"));
        post(admin, "/rounds/" + round + "/close", "").statusCode(409).body("currentState", equalTo("CLOSED（已结束）"));
        get(admin, "/rounds/" + round).statusCode(200).body("inspections.id", equalTo(List.of(inspection)));
        get(admin, "/inspections?unit=" + unit).statusCode(200).body("total", equalTo(1));

        assertEquals(List.of("InspectionRoundPlanned.v1", "InspectionRoundClosed.v1"), TestSupervision.eventTypes(round, 2));
        assertEquals(true, TestSupervision.events(inspection, 1).get(0).value().contains("\"totalScore\":86"));
    }

    private static String body(String unit, String on, String scores) {
        return """
                {"unitCode":"%s","inspectedOn":"%s","inspectors":["陈静","杨明"],"scores":%s,
                 "observations":"<p>公开栏内容更新及时；党费收缴情况未按期公开。</p>"}""".formatted(unit, on, scores);
    }
}
