package cn.gov.partyaffairs.commitment;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Departments, organizations and commitments made for a test, with codes no other test uses. */
public final class TestCommitments {

    public static final String SERVICE = "SERVICE";
    public static final String PRACTICAL = "PRACTICAL_THING";

    private TestCommitments() {
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Registers a department as a county admin and returns its code. */
    public static String department(String name) {
        String code = code("D");
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"%s","headName":"测试局长"}""".formatted(code, name))
                .when().post("/departments").then().statusCode(201);
        return code;
    }

    /**
     * An organization as the disclosure service announces it on {@code disclosure.events}; returns once this service
     * knows it.
     */
    public static String organization(String code, String name, String parentCode) {
        UUID id = UUID.randomUUID();
        String body = """
                {"organizationId":"%s","code":"%s","name":"%s","type":"village-branch","parentCode":%s,
                 "cadenceMonths":2,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(id, code, name, parentCode == null ? "null" : "\"" + parentCode + "\"");
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1", id, 1), body);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.countyAdmin())
                .when().get("/organizations/" + code).statusCode() == 200);
        return code;
    }

    public static String serviceBody(String departmentCode, LocalDate dueDate) {
        return """
                {"kind":"SERVICE","title":"硬化野鸡坪至铁家溪到丙溪水泥公路","description":"长10公里、宽4.5米",
                 "category":"government-services","departmentCode":"%s","responsible":"杨局长",
                 "targetQuantity":10,"targetUnit":"公里","dueDate":"%s",
                 "milestones":[{"title":"路基完工","dueDate":"%s"}]}"""
                .formatted(departmentCode, dueDate, dueDate);
    }

    public static String practicalBody(String organizationCode, LocalDate pledgedOn, LocalDate dueDate) {
        return """
                {"kind":"PRACTICAL_THING","title":"为村里安装路灯30盏","organizationCode":"%s","responsible":"村支书",
                 "targetQuantity":30,"targetUnit":"盏","pledgedOn":"%s","dueDate":"%s"}"""
                .formatted(organizationCode, pledgedOn, dueDate);
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    /** Pledges as the given caller and returns the new commitment's id. */
    public static String pledge(String token, String body) {
        return post(token, "/commitments", body).statusCode(201).extract().path("id");
    }
}
