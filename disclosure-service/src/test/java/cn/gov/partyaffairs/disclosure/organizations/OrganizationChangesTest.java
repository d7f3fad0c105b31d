package cn.gov.partyaffairs.disclosure.organizations;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static cn.gov.partyaffairs.disclosure.TestOrganizations.code;
import static cn.gov.partyaffairs.disclosure.TestOrganizations.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Updating, deactivating and importing organizations: each change one event; imports all or nothing. */
@QuarkusTest
class OrganizationChangesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anUpdateKeepsTheCodeAndRefusesACycleInTheTree() {
        String township = code();
        String id = register(township, "township-committee", null);
        String village = code();
        register(village, "village-branch", township);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + township + "\",\"name\":\"朱家场镇党委（更名）\",\"type\":\"township-committee\",\"cadenceMonths\":2}")
                .when().put("/organizations/" + township)
                .then().statusCode(200).body("name", equalTo("朱家场镇党委（更名）")).body("cadenceMonths", equalTo(2))
                .body("version", equalTo(2));
        var events = EventProbe.recordsWithKey("disclosure.events", id, 2);
        assertEquals("cn.gov.partyaffairs.disclosure.OrganizationUpdated.v1", EventProbe.header(events.get(1), "ce_type"));

        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + township + "\",\"name\":\"x\",\"type\":\"township-committee\",\"parentCode\":\"" + village + "\"}")
                .when().put("/organizations/" + township)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentCode"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\":\"OTHER-CODE\",\"name\":\"x\",\"type\":\"township-committee\"}")
                .when().put("/organizations/" + township)
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(TestTokens.clerk(township)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + township + "\",\"name\":\"x\",\"type\":\"township-committee\"}")
                .when().put("/organizations/" + township).then().statusCode(403);
    }

    @Test
    void aDeactivatedOrganizationIsMarkedOnce() {
        String school = code();
        register(school, "school", null);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON).body("{\"reason\":\"学校撤并\"}")
                .when().post("/organizations/" + school + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON).body("{\"reason\":\"再次\"}")
                .when().post("/organizations/" + school + "/deactivate")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void aCsvImportRegistersEveryRowIncludingParentsEarlierInTheFile() {
        String township = code();
        String village = code();
        String community = code();
        String csv = "\uFEFF" + OrganizationCsv.HEADER + "\n"
                + township + ",\"田坪镇党委\",township-committee,,\n"
                + village + ",田坪镇某村党支部,village-branch," + township + ",\n"
                + community + ",\"社区党支部, 田坪\",community-branch," + township + ",1\n";
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/organizations/import")
                .then().statusCode(200).body("imported", equalTo(3)).body("codes", hasItems(township, village, community));
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + community)
                .then().statusCode(200).body("name", equalTo("社区党支部, 田坪")).body("cadenceMonths", equalTo(1))
                .body("parentCode", equalTo(township));
    }

    @Test
    void aCsvImportWithAnyBadRowImportsNothingAndNamesEveryRow() {
        String first = code();
        String csv = OrganizationCsv.HEADER + "\n"
                + first + ",好的一行,school,,\n"
                + code() + ",类型不对,club,,\n"
                + code() + ",上级不存在,village-branch,NO-SUCH-PARENT,\n"
                + code() + ",周期不是数字,school,,monthly\n"
                + "bad code,,school,,\n";
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/organizations/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("rows[2].type", "rows[3].parentCode", "rows[4]", "rows[5]"));
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + first).then().statusCode(404);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType("text/csv; charset=UTF-8").body("编号,名称\n")
                .when().post("/organizations/import")
                .then().statusCode(400).body("errors[0].field", equalTo("rows[0]"));
    }

    @Test
    void aSettledContentListBindsTheOrganizationsDrafts() {
        String village = code();
        register(village, "village-branch", null);
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON)
                .body("{\"itemCodes\":[\"C8-01\",\"C6-02\"]}")
                .when().put("/organizations/" + village + "/content-list")
                .then().statusCode(200).body("itemCodes", hasItems("C6-02", "C8-01"));
        given().auth().oauth2(TestTokens.clerk("SOMEONE-ELSE")).contentType(ContentType.JSON)
                .body("{\"itemCodes\":[\"C8-01\"]}")
                .when().put("/organizations/" + village + "/content-list").then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"itemCodes\":[\"C99-99\"]}")
                .when().put("/organizations/" + village + "/content-list")
                .then().statusCode(400).body("errors[0].field", equalTo("itemCodes"));
        given().auth().oauth2(TestTokens.clerk(village)).when().get("/organizations/" + village + "/content-list")
                .then().statusCode(200).body("itemCodes.size()", equalTo(2));

        String draft = """
                {"organizationCode":"%s","itemCodes":["%s"],"title":"t","body":"b","periodStart":"2017-03-01",
                 "periodEnd":"2017-04-30","scope":"PUBLIC","plannedChannels":["disclosure-board"],
                 "plannedPublicationAt":"2017-05-05T09:00:00+08:00"}""";
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON).body(draft.formatted(village, "C1-01"))
                .when().post("/disclosures").then().statusCode(400).body("errors[0].field", equalTo("itemCodes"));
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON).body(draft.formatted(village, "C8-01"))
                .when().post("/disclosures").then().statusCode(201);
    }
}
