package cn.gov.partyaffairs.supervision.practice;

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
import static cn.gov.partyaffairs.supervision.TestSupervision.put;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A good-practice write-up is plain text, linked to its unit and inspection, and revised by the unit's group. */
@QuarkusTest
class GoodPracticeTest {

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
    void aWriteUpKeepsToPlainTextAndItsGroupRevisesIt() {
        String unit = TestSupervision.unit("平溪镇桐木村党支部", today);
        String group = TestSupervision.group("第九督促指导小组");
        TestSupervision.assign(unit, group, today).statusCode(200);
        String inspector = TestTokens.inspector(group);
        String other = TestSupervision.unit("平溪镇青杠村党支部", today);
        String round = post(TestTokens.countyAdmin(), "/rounds", """
                {"name":"经验总结督查","startsOn":"%s","endsOn":"%s","unitCodes":["%s","%s"]}"""
                .formatted(today, today, unit, other)).statusCode(201).extract().path("id");
        String inspection = post(TestTokens.countyAdmin(), "/rounds/" + round + "/inspections", """
                {"unitCode":"%s","inspectors":["陈静"],"scores":%s}""".formatted(other, TestSupervision.scores(95)))
                .statusCode(201).extract().path("id");

        post(inspector, "/good-practices", """
                {"unitCode":"%s","inspectionId":"%s","title":"经验","body":"正文"}""".formatted(unit, inspection))
                .statusCode(400).body("errors[0].field", equalTo("inspectionId"));
        String id = post(inspector, "/good-practices", """
                {"unitCode":"%s","title":"<b>桐木村</b>：“一栏一屏一册”","summary":"三位一体",
                 "body":"<script>alert(1)</script>公开栏每月更新<br>电子屏滚动公开惠民资金"}""".formatted(unit))
                .statusCode(201).body("title", equalTo("桐木村：“一栏一屏一册”"))
                .body("body", equalTo("公开栏每月更新电子屏滚动公开惠民资金")).body("unitName", equalTo("平溪镇桐木村党支部"))
                .extract().path("id");
        put(TestTokens.inspector("G-ELSE"), "/good-practices/" + id, """
                {"title":"冒名","body":"冒名"}""").statusCode(403);
        put(inspector, "/good-practices/" + id, """
                {"title":"桐木村：“一栏一屏一册”让党务晒在阳光下","summary":"三位一体","body":"补充群众评价"}""")
                .statusCode(200).body("revisedBy", equalTo("inspector-" + group.toLowerCase()));
        get(TestTokens.clerk(unit), "/good-practices?unit=" + unit).body("total", equalTo(1))
                .body("items[0].title", equalTo("桐木村：“一栏一屏一册”让党务晒在阳光下"));
        assertEquals(List.of("GoodPracticeWrittenUp.v1", "GoodPracticeRevised.v1"), TestSupervision.eventTypes(id, 2));
    }
}
