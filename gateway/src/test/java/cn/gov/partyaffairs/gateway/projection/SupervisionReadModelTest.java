package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Demonstration units show with their organization; findings move the officials' counters and nothing public. */
@QuarkusTest
class SupervisionReadModelTest {

    private static long official(String figure) {
        return given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/internal/dashboard")
                .then().statusCode(200).extract().<Number>path(figure).longValue();
    }

    @Test
    void unitsGroupsAndFindings() {
        String organization = TestEvents.code("U");
        String group = TestEvents.code("G");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID unit = UUID.randomUUID();
        TestEvents.send("supervision.GuidanceGroupFormed", UUID.randomUUID(), 1, """
                {"groupId":"%s","code":"%s","name":"第四督促指导小组","members":[],"formedBy":"admin",
                 "at":"2017-03-01T09:00:00+08:00"}""".formatted(UUID.randomUUID(), group));
        TestEvents.send("supervision.DemonstrationUnitDesignated", unit, 1, """
                {"unitId":"%s","organizationCode":"%s","organizationName":"鱼塘村党支部","organizationType":"village-branch",
                 "cadenceMonths":2,"designatedOn":"2017-03-01","designatedBy":"admin","at":"2017-03-01T10:00:00+08:00"}"""
                .formatted(unit, organization));
        TestEvents.send("supervision.UnitAssignedToGroup", unit, 2, """
                {"unitId":"%s","organizationCode":"%s","groupCode":"%s","previousGroupCode":null,"from":"2017-03-01",
                 "reason":null,"assignedBy":"admin","at":"2017-03-01T10:05:00+08:00"}""".formatted(unit, organization, group));
        TestEvents.await(() -> group.equals(given().get("/api/public/organizations/" + organization).then().extract()
                .path("organization.guidanceGroupCode")));
        given().when().get("/api/public/organizations/" + organization).then()
                .body("organization.demonstrationUnit", equalTo(true))
                .body("organization.guidanceGroupName", equalTo("第四督促指导小组"));
        given().queryParam("demonstration", true).queryParam("q", organization).when().get("/api/public/organizations")
                .then().body("total", equalTo(1));
        given().queryParam("demonstration", false).queryParam("q", organization).when().get("/api/public/organizations")
                .then().body("total", equalTo(0));

        long open = official("openFindings");
        long overdue = official("overdueFindings");
        UUID finding = UUID.randomUUID();
        TestEvents.send("supervision.FindingRaised", finding, 1, """
                {"findingId":"%s","unitCode":"%s","groupCode":"%s","source":"INSPECTION","inspectionId":null,"lapseId":null,
                 "description":"党费收缴情况未按期公开","severity":"MAJOR","responsible":"支部书记","raisedOn":"2017-05-12",
                 "deadline":"2017-05-31","raisedBy":"inspector","at":"2017-05-12T17:25:00+08:00"}"""
                .formatted(finding, organization, group));
        TestEvents.send("supervision.RectificationOverdue", finding, 2, """
                {"findingId":"%s","unitCode":"%s","groupCode":"%s","severity":"MAJOR","deadline":"2017-05-31",
                 "responsible":"支部书记","detectedAt":"2017-06-01T00:05:00+08:00"}""".formatted(finding, organization, group));
        TestEvents.await(() -> official("overdueFindings") == overdue + 1);
        assertEquals(open + 1, official("openFindings"));
        TestEvents.send("supervision.RectificationVerified", finding, 3, """
                {"findingId":"%s","unitCode":"%s","verifiedOn":"2017-06-02","note":"整改到位","verifiedBy":"inspector",
                 "at":"2017-06-02T15:00:00+08:00"}""".formatted(finding, organization));
        TestEvents.await(() -> official("openFindings") == open);
        assertEquals(overdue, official("overdueFindings"));

        given().when().get("/api/public/statistics").then().body(not(containsString("finding")));
        given().auth().oauth2(TestTokens.clerk(organization)).when().get("/api/internal/dashboard").then().statusCode(200);
        given().when().get("/api/internal/dashboard").then().statusCode(401);
    }
}
