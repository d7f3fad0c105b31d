package cn.gov.partyaffairs.disclosure;

import cn.gov.partyaffairs.infra.TestTokens;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Organizations registered through the API for a test, with codes no other test uses. */
public final class TestOrganizations {

    private TestOrganizations() {
    }

    public static String code() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String body(String code, String type, String parent) {
        return """
                {"code":"%s","name":"玉屏县测试组织","type":"%s"%s}"""
                .formatted(code, type, parent == null ? "" : ",\"parentCode\":\"" + parent + "\"");
    }

    /** Registers it as a county admin and returns its id. */
    public static String register(String code, String type, String parent) {
        return given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(code, type, parent))
                .when().post("/organizations")
                .then().statusCode(201)
                .extract().path("id");
    }
}
