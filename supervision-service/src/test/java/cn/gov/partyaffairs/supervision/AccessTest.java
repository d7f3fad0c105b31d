package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static cn.gov.partyaffairs.supervision.TestSupervision.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Inspectors act for their own group's units only, county admins for all, everyone else gets 403. */
@QuarkusTest
class AccessTest {

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
    void anInspectorOfAnotherGroupIsRefusedEveryStepOnTheUnit() {
        String unit = TestSupervision.unit("大龙镇新寨村党支部", today);
        String group = TestSupervision.group("第七督促指导小组");
        TestSupervision.assign(unit, group, today).statusCode(200);
        String own = TestTokens.inspector(group);
        String stranger = TestTokens.inspector(TestSupervision.group("第八督促指导小组"));
        String finding = TestSupervision.finding(own, unit, today, today.plusDays(30));
        String round = post(TestTokens.countyAdmin(), "/rounds", """
                {"name":"专项督查","startsOn":"%s","endsOn":"%s","unitCodes":["%s"]}"""
                .formatted(today, today.plusDays(10), unit)).statusCode(201).extract().path("id");

        put(stranger, "/units/" + unit + "/tasks/CONTENT_CATALOG", """
                {"status":"IN_PROGRESS"}""").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(group));
        post(stranger, "/rounds/" + round + "/inspections", """
                {"unitCode":"%s","inspectors":["冒名"],"scores":%s}""".formatted(unit, TestSupervision.scores(90)))
                .statusCode(403);
        post(stranger, "/findings", """
                {"unitCode":"%s","description":"冒名问题","severity":"MINOR","responsible":"某人","deadline":"%s"}"""
                .formatted(unit, today.plusDays(5))).statusCode(403);
        post(stranger, "/findings/" + finding + "/rectification", """
                {"evidence":"冒名整改"}""").statusCode(403);
        post(own, "/findings/" + finding + "/rectification", """
                {"evidence":"整改照片"}""").statusCode(200);
        post(stranger, "/findings/" + finding + "/verify", "{}").statusCode(403);
        post(stranger, "/findings/" + finding + "/reopen", """
                {"reason":"冒名退回","newDeadline":"%s"}""".formatted(today.plusDays(9))).statusCode(403);
        post(stranger, "/good-practices", """
                {"unitCode":"%s","title":"冒名经验","body":"正文"}""".formatted(unit)).statusCode(403);
        post(stranger, "/groups/" + group + "/reports", "{\"period\":\"2017-06\"}")
                .statusCode(403);
        put(stranger, "/groups/" + group + "/members", """
                {"members":[{"name":"冒名","position":"组员"}]}""").statusCode(403);

        // The group itself may, and so may a county admin.
        post(own, "/findings/" + finding + "/verify", "{}").statusCode(200).body("status", equalTo("VERIFIED"));
        put(own, "/groups/" + group + "/members", """
                {"members":[{"name":"陈静","position":"组长"},{"name":"吴丽","position":"县纪委监委干部","contact":"0856-3221015"}]}""")
                .statusCode(200).body("members.name", contains("陈静", "吴丽"));
        put(TestTokens.countyAdmin(), "/units/" + unit + "/tasks/CONTENT_CATALOG", """
                {"status":"IN_PROGRESS"}""").statusCode(200);
    }

    @Test
    void clerksHeadsAndUnitsWithoutAGroupAreForInspectorsOfNoGroup() {
        String unit = TestSupervision.unit("亚鱼乡高坡村党支部", today);
        String finding = TestSupervision.finding(TestTokens.countyAdmin(), unit, today, today.plusDays(30));
        String body = """
                {"unitCode":"%s","description":"问题","severity":"MINOR","responsible":"某人","deadline":"%s"}"""
                .formatted(unit, today.plusDays(5));

        // No group is responsible yet: no inspector acts for it.
        post(TestTokens.inspector("YP-G01"), "/findings", body).statusCode(403)
                .body("detail", containsString("尚未指定督促指导小组"));
        post(TestTokens.clerk(unit), "/findings", body).statusCode(403);
        post(TestTokens.departmentHead("YP-D-TRANSPORT"), "/findings", body).statusCode(403);
        post(TestTokens.integration(), "/findings", body).statusCode(403);
        post(TestTokens.clerk(unit), "/findings/" + finding + "/verify", "{}").statusCode(403);
        post(TestTokens.clerk(unit), "/groups", """
                {"code":"G-SELF","name":"自封小组","members":[{"name":"某人","position":"组长"}]}""").statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post("/findings").then().statusCode(401);
        given().when().get("/units").then().statusCode(401);
        // Reading is for every official.
        get(TestTokens.clerk(unit), "/findings/" + finding).statusCode(200);
    }

    /** A really signed token of the realm is refused unless it is meant for this service (its audience). */
    @Test
    void aTokenMeantForAnotherAudienceIsRefused() {
        get(TestTokens.countyAdminFor("account"), "/units").statusCode(401);
        get(TestTokens.countyAdminFor("gateway", "disclosure-service"), "/units").statusCode(401);
        get(TestTokens.countyAdminFor("supervision-service"), "/units").statusCode(200);
    }
}
