package cn.gov.partyaffairs.disclosure.media;

import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 信息报送 with the report's figures: 5 pieces adopted by People's Daily Online, 7 by China Party Building Net, lead
 * stories in Guizhou Daily (page 2) and Tongren Daily (page 1), 60+ adopted at prefecture level or above.
 */
@QuarkusTest
class MediaSubmissionResourceTest {

    private static String submit(String organization, String outlet, String title) {
        return given().auth().oauth2(TestTokens.clerk(organization)).contentType(ContentType.JSON)
                .body("""
                        {"organizationCode":"%s","title":"%s","outlet":"%s","submittedOn":"2017-06-02"}"""
                        .formatted(organization, title, outlet))
                .when().post("/media-submissions").then().statusCode(201).extract().path("id");
    }

    private static void adopt(String organization, String id, String placement) {
        given().auth().oauth2(TestTokens.clerk(organization)).contentType(ContentType.JSON)
                .body("{\"adoptedOn\":\"2017-06-20\",\"placement\":" + (placement == null ? "null" : "\"" + placement + "\"") + "}")
                .when().post("/media-submissions/" + id + "/adoption").then().statusCode(200);
    }

    private static void adopted(String organization, String outlet, int count, String firstPlacement) {
        for (int i = 0; i < count; i++) {
            adopt(organization, submit(organization, outlet, "玉屏党务公开经验 " + i), i == 0 ? firstPlacement : null);
        }
    }

    private static int figure(String path) {
        Integer value = given().auth().oauth2(TestTokens.countyAdmin()).when().get("/media-submissions/statistics")
                .then().statusCode(200).extract().path(path);
        return value == null ? 0 : value;
    }

    /** Statistics are county-wide and other tests add pieces too: this test checks what its own pieces add. */
    @Test
    void statisticsByLevelAndOutletMatchTheReport() {
        String[] paths = {"byOutlet.'people-daily-online'.adopted", "byOutlet.'china-party-building-net'.adopted",
                "byLevel.NATIONAL.submitted", "byLevel.PROVINCIAL.adopted", "byLevel.PREFECTURE.submitted",
                "byLevel.PREFECTURE.adopted", "byLevel.COUNTY.adopted", "adoptedAtPrefectureOrAbove"};
        int[] expected = {5, 7, 12, 10, 43, 40, 4, 62};
        int[] before = new int[paths.length];
        for (int i = 0; i < paths.length; i++) {
            before[i] = figure(paths[i]);
        }
        String county = TestOrganizations.code();
        TestOrganizations.register(county, "county-level", null);
        adopted(county, "people-daily-online", 5, null);
        adopted(county, "china-party-building-net", 7, null);
        adopted(county, "guizhou-daily", 10, "第2版头条");
        adopted(county, "tongren-daily", 40, "第1版头条");
        for (int i = 0; i < 3; i++) {
            submit(county, "tongren-daily", "未采用稿件 " + i);
        }
        adopted(county, "today-yuping", 4, null);

        for (int i = 0; i < paths.length; i++) {
            assertEquals(expected[i], figure(paths[i]) - before[i], paths[i]);
        }
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", county).when().get("/media-submissions")
                .then().statusCode(200).body("find { it.placement == '第2版头条' }.outletLabel", equalTo("贵州日报"));
    }

    @Test
    void refusalsNameWhatToFix() {
        String organization = TestOrganizations.code();
        TestOrganizations.register(organization, "village-branch", null);
        given().auth().oauth2(TestTokens.clerk("SOMEONE-ELSE")).contentType(ContentType.JSON)
                .body("{\"organizationCode\":\"" + organization + "\",\"title\":\"t\",\"outlet\":\"guizhou-daily\",\"submittedOn\":\"2017-06-02\"}")
                .when().post("/media-submissions").then().statusCode(403);
        given().auth().oauth2(TestTokens.clerk(organization)).contentType(ContentType.JSON)
                .body("{\"organizationCode\":\"" + organization + "\",\"title\":\"t\",\"outlet\":\"some-blog\",\"submittedOn\":\"2017-06-02\"}")
                .when().post("/media-submissions").then().statusCode(400).body("errors[0].field", equalTo("outlet"));
        String id = submit(organization, "tongren-daily", "稿件");
        given().auth().oauth2(TestTokens.clerk(organization)).contentType(ContentType.JSON).body("{\"adoptedOn\":\"2017-05-01\"}")
                .when().post("/media-submissions/" + id + "/adoption").then().statusCode(400).body("errors[0].field", equalTo("adoptedOn"));
        adopt(organization, id, "第3版");
        given().auth().oauth2(TestTokens.clerk(organization)).contentType(ContentType.JSON).body("{\"adoptedOn\":\"2017-06-21\"}")
                .when().post("/media-submissions/" + id + "/adoption").then().statusCode(409).body("currentState", equalTo("ADOPTED"));
    }

    /**
     * An organization's submissions are read by its own clerk and the county office; another organization's clerk is
     * refused whether asking for them by name or not (an unfiltered list is their own), and a department head, an
     * inspector or a department's system reads none.
     */
    @Test
    void submissionsAreReadByTheirOrganizationAndTheCountyOfficeOnly() {
        String own = TestOrganizations.code();
        TestOrganizations.register(own, "village-branch", null);
        String other = TestOrganizations.code();
        TestOrganizations.register(other, "village-branch", null);
        String mine = submit(own, "tongren-daily", "鱼塘村务公开经验");

        given().auth().oauth2(TestTokens.clerk(own)).when().get("/media-submissions")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(mine));
        given().auth().oauth2(TestTokens.clerk(own)).queryParam("organization", own).when().get("/media-submissions")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(mine));
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("organization", own).when().get("/media-submissions")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(mine));

        given().auth().oauth2(TestTokens.clerk(other)).queryParam("organization", own).when().get("/media-submissions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clerk(other)).when().get("/media-submissions")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(mine)))
                .body("organizationCode", org.hamcrest.Matchers.everyItem(equalTo(other)));
        for (String stranger : new String[]{TestTokens.departmentHead("YP-D-TRANSPORT"), TestTokens.inspector("YP-G01"),
                TestTokens.integration()}) {
            given().auth().oauth2(stranger).when().get("/media-submissions").then().statusCode(403);
        }
    }
}
