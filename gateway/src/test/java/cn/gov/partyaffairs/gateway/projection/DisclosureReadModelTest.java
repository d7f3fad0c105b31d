package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disclosures from their events: public ones readable by anyone with their history, party-internal ones nowhere public. */
@QuarkusTest
class DisclosureReadModelTest {

    @Test
    void publicDisclosuresAreListedWithTheirHistoryAndInternalOnesAreNot() {
        String organization = TestEvents.code("O");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID open = UUID.randomUUID();
        UUID internal = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", open, 5,
                TestEvents.published(open, organization, "PUBLIC", "鱼塘村2017年3月党务公开", "2017-03", 1));
        TestEvents.send("disclosure.DisclosurePublished", internal, 5,
                TestEvents.published(internal, organization, "PARTY_WIDE", "鱼塘村党费收缴情况（党内）", "2017-03", 1));
        TestEvents.send("disclosure.DisclosureCorrected", open, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","contentVersion":2,"title":"鱼塘村2017年3月党务公开（更正）",
                 "body":"更正后的内容","reason":"惠民资金金额有误","correctedBy":"clerk","at":"2017-04-02T10:00:00+08:00"}"""
                .formatted(open, organization));
        TestEvents.await(() -> given().get("/api/public/disclosures/" + open).then().extract().statusCode() == 200
                && given().get("/api/public/disclosures/" + open).then().extract().<Integer>path("contentVersion") == 2);

        given().queryParam("organization", organization).when().get("/api/public/disclosures").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", equalTo("鱼塘村2017年3月党务公开（更正）"));
        given().when().get("/api/public/disclosures/" + open).then().statusCode(200)
                .body("versions.contentVersion", contains(1, 2))
                .body("versions[1].reason", equalTo("惠民资金金额有误"))
                .body("organizationName", equalTo("测试" + organization));
        given().queryParam("category", "C8").queryParam("period", "2017-03-15").queryParam("organization", organization)
                .when().get("/api/public/disclosures").then().body("total", equalTo(1));
        given().queryParam("category", "C3").queryParam("organization", organization)
                .when().get("/api/public/disclosures").then().body("total", equalTo(0));

        // The party-internal one: not listed, not readable, not commentable, not exported, not in the organization page.
        given().when().get("/api/public/disclosures/" + internal).then().statusCode(404);
        given().when().get("/api/public/disclosures/" + internal + "/comments").then().statusCode(404);
        given().queryParam("q", "党费").queryParam("organization", organization).when().get("/api/public/disclosures")
                .then().body("total", equalTo(0));
        given().when().get("/api/public/organizations/" + organization).then().statusCode(200)
                .body("recentDisclosures.id", contains(open.toString()));
        Response csv = given().when().get("/api/public/export/disclosures.csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid,organizationCode"), "a spreadsheet reads UTF-8 from the BOM");
        assertTrue(text.contains("鱼塘村2017年3月党务公开（更正）"));
        assertFalse(text.contains("党费收缴"), "party-internal content never leaves");
        assertFalse(given().when().get("/api/public/export/disclosures.json").asString().contains(internal.toString()));
    }

    @Test
    void approvedCommentsAndTheComplianceMatrix() {
        String organization = TestEvents.code("O");
        TestEvents.organization(UUID.randomUUID(), organization, "township-committee", null);
        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5,
                TestEvents.published(disclosure, organization, "PUBLIC", "大龙镇2017年1月党务公开", "2017-01", 1));
        UUID comment = UUID.randomUUID();
        TestEvents.send("disclosure.CommentSubmitted", comment, 1, """
                {"commentId":"%s","disclosureId":"%s","organizationCode":"%s","authorName":"张先生","body":"待审核的评论",
                 "at":"2017-02-01T20:00:00+08:00"}""".formatted(comment, disclosure, organization));
        TestEvents.send("disclosure.CommentApproved", comment, 2, """
                {"commentId":"%s","disclosureId":"%s","organizationCode":"%s","authorName":"张先生","body":"公开得很及时",
                 "approvedBy":"admin","at":"2017-02-02T09:00:00+08:00"}""".formatted(comment, disclosure, organization));
        // The matrix is the engine's: the publication above makes no cell; each outcome does, and a newer one wins.
        TestEvents.outcome(organization, "township-committee", "2017-01-01", "2017-01-31", "KEPT", true, null, 1);
        TestEvents.outcome(organization, "township-committee", "2017-02-01", "2017-02-28", "MISSING", true, null, 1);
        TestEvents.outcome(organization, "township-committee", "2017-03-01", "2017-03-31", "MISSING", true, null, 1);
        TestEvents.outcome(organization, "township-committee", "2017-03-01", "2017-03-31", "CURED", true, null, 2);
        TestEvents.outcome(organization, "township-committee", "2017-04-01", "2017-04-30", "LATE", true, null, 1);
        TestEvents.outcome(organization, "township-committee", "2017-05-01", "2017-05-31", "EXEMPTED", true, "镇村合并", 1);
        TestEvents.outcome(organization, "township-committee", "2017-06-01", "2017-06-30", "KEPT", false, null, 1);
        TestEvents.await(() -> given().queryParam("organization", organization).get("/api/public/compliance")
                .then().extract().jsonPath().getList("state").equals(
                        java.util.List.of("KEPT", "MISSING", "CURED", "LATE", "EXEMPTED", "KEPT")));
        given().queryParam("organization", organization).when().get("/api/public/compliance").then()
                .body("[4].exemptionReason", equalTo("镇村合并")).body("[5].due", equalTo(false));
        given().when().get("/api/public/organizations/" + organization).then().statusCode(200)
                // 1 on time of 4 due: June is kept but not yet due, May is exempted.
                .body("complianceSummary.kept", equalTo(1)).body("complianceSummary.late", equalTo(2))
                .body("complianceSummary.missing", equalTo(1)).body("complianceSummary.periodsDue", equalTo(4))
                .body("complianceSummary.onTimeRate", equalTo(0.25f));
        String csv = given().when().get("/api/public/export/compliance.csv").asString();
        assertTrue(csv.startsWith("\uFEFForganizationCode,organizationType,periodStart"), csv.substring(0, 80));
        assertTrue(csv.contains(organization + ",township-committee,2017-05-01,2017-05-31,2017-05-31,EXEMPTED,true,镇村合并"));

        given().when().get("/api/public/disclosures/" + disclosure + "/comments").then().statusCode(200)
                .body("count", equalTo(1)).body("comments[0].body", equalTo("公开得很及时"));
        given().when().get("/api/public/disclosures/" + disclosure).then().body("commentCount", equalTo(1));
    }

    @Test
    void anOrganizationsContentListIsPublic() {
        UUID id = UUID.randomUUID();
        String organization = TestEvents.code("L");
        TestEvents.organization(id, organization, "village-branch", null);
        TestEvents.send("disclosure.ContentListSettled", id, 2, """
                {"organizationId":"%s","code":"%s","itemCodes":["C1-01","C5-02","C8-01"],"settledBy":"clerk",
                 "at":"2017-03-05T09:00:00+08:00"}""".formatted(id, organization));
        TestEvents.await(() -> java.util.List.of("C1-01", "C5-02", "C8-01").equals(given()
                .get("/api/public/organizations/" + organization).then().extract().path("organization.contentItems")));
    }

    @Test
    void complianceByTownshipCountsTheTownshipAndEveryOrganizationUnderIt() {
        String township = TestEvents.code("T");
        String village = TestEvents.code("V");
        String elsewhere = TestEvents.code("S");
        TestEvents.organization(UUID.randomUUID(), township, "township-committee", null);
        TestEvents.organization(UUID.randomUUID(), village, "village-branch", township);
        TestEvents.organization(UUID.randomUUID(), elsewhere, "school", null);
        // The township missed January and made it up late; its village missed February; the school is not in it.
        lapse(township, "township-committee", "01", null);
        lapse(township, "township-committee", "01", false);
        lapse(village, "village-branch", "02", null);
        lapse(elsewhere, "school", "02", null);
        UUID published = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", published, 5,
                TestEvents.published(published, village, "PUBLIC", "村务公开", "2017-03", 1));

        TestEvents.await(() -> given().get("/api/public/statistics/townships").then().extract().jsonPath()
                .getList("findAll { it.townshipCode == '%s' }.collect { [it.kept, it.late, it.missing, it.periodsDue, it.onTimeRate, it.organizations*.organizationCode] }"
                        .formatted(township)).equals(java.util.List.of(java.util.List.of(0, 1, 1, 2, 0.0f,
                                java.util.List.of(township, village)))));
    }

    /** A lapse of one month of 2017 ({@code cured} null), or its cure on time or late, as the engine's outcome. */
    private static void lapse(String organization, String type, String month, Boolean cured) {
        String outcome = cured == null ? "MISSING" : cured ? "KEPT" : "CURED";
        TestEvents.outcome(organization, type, "2017-" + month + "-01", "2017-" + month + "-28", outcome, true, null,
                cured == null ? 1 : 2);
    }
}
