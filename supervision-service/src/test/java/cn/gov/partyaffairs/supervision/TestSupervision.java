package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Organizations, units, groups and findings made for a test, with codes no other test uses. */
public final class TestSupervision {

    public static final String PREFIX = "cn.gov.partyaffairs.supervision.";

    private TestSupervision() {
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An organization as the disclosure service announces it; returns its code once this service knows it. */
    public static String organization(String name, String type) {
        String code = code(type.equals("township-committee") ? "T" : "V");
        UUID id = UUID.randomUUID();
        String body = """
                {"organizationId":"%s","code":"%s","name":"%s","type":"%s","parentCode":null,
                 "cadenceMonths":%d,"registeredAt":"2017-01-05T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(id, code, name, type, type.equals("township-committee") ? 1 : 2);
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1", id, 1), body);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.countyAdmin())
                .when().get("/organizations/" + code).statusCode() == 200);
        return code;
    }

    /**
     * The organization's content list as the disclosure service settles it ({@code ContentListSettled}, version
     * {@code version} of the organization); supervision keeps its copy from the event.
     */
    public static void contentList(String code, long version, String... itemCodes) {
        String id = given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations/" + code)
                .then().statusCode(200).extract().path("id");
        String items = itemCodes.length == 0 ? "" : "\"" + String.join("\",\"", itemCodes) + "\"";
        EventProbe.send("disclosure.events", id, EventProbe.cloudEvent(UUID.randomUUID().toString(),
                        "cn.gov.partyaffairs.disclosure.ContentListSettled.v1", UUID.fromString(id), version), """
                {"organizationId":"%s","code":"%s","itemCodes":[%s],"settledBy":"admin","at":"2017-03-05T09:00:00+08:00"}"""
                .formatted(id, code, items));
    }

    /** A village branch, designated a demonstration unit on the given day. */
    public static String unit(String name, LocalDate designatedOn) {
        String code = organization(name, "village-branch");
        designate(code, designatedOn).statusCode(201);
        return code;
    }

    public static ValidatableResponse designate(String code, LocalDate designatedOn) {
        return post(TestTokens.countyAdmin(), "/units", """
                {"organizationCode":"%s","designatedOn":"%s"}""".formatted(code, designatedOn));
    }

    /** A guidance group formed by a county admin; returns its code. */
    public static String group(String name) {
        String code = code("G");
        post(TestTokens.countyAdmin(), "/groups", """
                {"code":"%s","name":"%s","members":[{"name":"陈静","position":"县委组织部副部长（组长）","contact":"0856-3221001"},
                 {"name":"杨明","position":"县委党务公开办公室干部"}]}""".formatted(code, name)).statusCode(201);
        return code;
    }

    public static ValidatableResponse assign(String unit, String group, LocalDate from) {
        return post(TestTokens.countyAdmin(), "/units/" + unit + "/assignment", """
                {"groupCode":"%s","from":"%s","reason":"按片区分工"}""".formatted(group, from));
    }

    /** A finding typed in by the group, outside an inspection; returns its id. */
    public static String finding(String token, String unit, LocalDate raisedOn, LocalDate deadline) {
        return post(token, "/findings", """
                {"unitCode":"%s","description":"党费收缴情况未按期公开","severity":"MAJOR","responsible":"支部书记",
                 "raisedOn":"%s","deadline":"%s"}""".formatted(unit, raisedOn, deadline))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    public static ValidatableResponse put(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    /** The short types (e.g. {@code FindingRaised.v1}) of the service's events with this key, once the expected number is there. */
    public static List<String> eventTypes(String key, int expected) {
        return EventProbe.recordsWithKey("supervision.events", key, expected).stream()
                .map(r -> EventProbe.header(r, "ce_type").replace(PREFIX, "")).toList();
    }

    public static List<ConsumerRecord<String, String>> events(String key, int expected) {
        return EventProbe.recordsWithKey("supervision.events", key, expected);
    }

    /** A full score sheet: every checklist item scored, adding up to {@code total} (at most 100). */
    public static String scores(int total) {
        String[] items = {"implementation-rules", "content-catalog", "disclosure-methods", "materials-ledgers",
                "cadence-kept", "board-up-to-date", "three-optimisations", "five-type"};
        int[] max = {10, 10, 10, 15, 15, 10, 15, 15};
        int missing = 100 - total;
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            int off = Math.min(missing, max[i]);
            missing -= off;
            json.append(i == 0 ? "" : ",").append("{\"item\":\"").append(items[i]).append("\",\"score\":")
                    .append(max[i] - off).append('}');
        }
        return json.append(']').toString();
    }
}
