package cn.gov.partyaffairs.disclosure;

import cn.gov.partyaffairs.infra.TestTokens;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/** Disclosures taken through the whole workflow for a test. */
public final class TestDisclosures {

    private TestDisclosures() {
    }

    /**
     * Drafted and published by the organization's clerk, reviewed by {@code reviewer} and approved by another person
     * (four eyes): a county admin of the county office's own, account {@code approver}. Returns the id.
     */
    public static String publish(String organization, String scope, String itemCode, String channel, String start,
                                 String end, String reviewer) {
        String clerk = TestTokens.clerk(organization);
        String id = given().auth().oauth2(clerk).contentType(ContentType.JSON).body("""
                        {"organizationCode":"%s","itemCodes":["%s"],"title":"工作进展","body":"按期公开。",
                         "periodStart":"%s","periodEnd":"%s","scope":"%s","plannedChannels":["%s"],
                         "plannedPublicationAt":"2017-01-01T00:00:00Z"}""".formatted(organization, itemCode, start, end, scope, channel))
                .when().post("/disclosures").then().statusCode(201).extract().path("id");
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"attestNoSecrets\":true}")
                .when().post("/disclosures/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}")
                .when().post("/disclosures/" + id + "/review").then().statusCode(200);
        given().auth().oauth2(TestTokens.countyAdmin("approver")).when().post("/disclosures/" + id + "/approve")
                .then().statusCode(200);
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body("{\"channels\":[\"" + channel + "\"]}")
                .when().post("/disclosures/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
