package cn.gov.partyaffairs.gateway.audit;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail as the county admin reads it: every service's events with the actor they travelled with, the
 * gateway's own commands with their caller, filtered by organization, actor, action and period, and as CSV.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String BASE = "/api/v1/internal/audit";

    @Test
    void aModerationAndAWithdrawalAreRecordedWithTheirActorAndReason() {
        String org = TestEvents.code("AUD");
        UUID comment = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        sendAs("disclosure.CommentRejected", comment, 2, "moderator-li", "PERSON", """
                {"commentId":"%s","disclosureId":"%s","organizationCode":"%s","reason":"含有个人隐私信息",
                 "rejectedBy":"moderator-li","at":"2026-03-02T10:00:00+08:00"}""".formatted(comment, UUID.randomUUID(), org));
        sendAs("commitment.CommitmentWithdrawn", commitment, 3, "head-transport", "PERSON", """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "reason":"项目并入县级统一建设","withdrawnBy":"head-transport","at":"2026-03-03T10:00:00+08:00"}"""
                .formatted(commitment, org));
        TestEvents.await(() -> entries("organization=" + org).getInt("total") == 2);

        JsonPath rejected = entries("organization=" + org + "&action=CommentRejected");
        assertEquals(1, rejected.getInt("total"));
        assertEquals("moderator-li", rejected.getString("items[0].actor"));
        assertEquals("PERSON", rejected.getString("items[0].actorKind"));
        assertEquals("评论不予显示", rejected.getString("items[0].actionLabel"));
        assertEquals("理由：含有个人隐私信息", rejected.getString("items[0].reason"));
        assertEquals(comment.toString(), rejected.getString("items[0].subject"));

        JsonPath withdrawn = entries("organization=" + org + "&actor=head-transport");
        assertEquals(1, withdrawn.getInt("total"));
        assertEquals("CommitmentWithdrawn", withdrawn.getString("items[0].action"));
        assertEquals("理由：项目并入县级统一建设", withdrawn.getString("items[0].reason"));
    }

    @Test
    void aSystemAndAServiceAreToldApartFromPeople() {
        String org = TestEvents.code("AUS");
        sendAs("commitment.CommitmentProgressReported", UUID.randomUUID(), 2, "transport-bureau-system", "SYSTEM", """
                {"commitmentId":"%s","reportId":"%s","kind":"SERVICE","departmentCode":"YP-D-TRANSPORT",
                 "organizationCode":"%s","percent":80,"note":"路面完工","reportedOn":"2026-03-01","progressPercent":80,
                 "status":"IN_PROGRESS","reportedBy":"transport-bureau-system","at":"2026-03-01T10:00:00+08:00"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), org));
        sendAs("commitment.CommitmentOverdue", UUID.randomUUID(), 4, "commitment-service", "SERVICE", """
                {"commitmentId":"%s","kind":"SERVICE","departmentCode":"YP-D-TRANSPORT","organizationCode":"%s",
                 "title":"硬化野鸡坪至丙溪公路","dueDate":"2026-02-28","progressPercent":70,
                 "detectedAt":"2026-03-01T00:00:00+08:00"}""".formatted(UUID.randomUUID(), org));
        TestEvents.await(() -> entries("organization=" + org).getInt("total") == 2);
        JsonPath found = entries("organization=" + org);
        Map<String, String> kinds = Map.of(found.getString("items.find { it.action == 'CommitmentOverdue' }.actor"),
                found.getString("items.find { it.action == 'CommitmentOverdue' }.actorKind"),
                found.getString("items.find { it.action == 'CommitmentProgressReported' }.actor"),
                found.getString("items.find { it.action == 'CommitmentProgressReported' }.actorKind"));
        assertEquals(Map.of("commitment-service", "SERVICE", "transport-bureau-system", "SYSTEM"), kinds);
        assertEquals("硬化野鸡坪至丙溪公路",
                found.getString("items.find { it.action == 'CommitmentOverdue' }.subjectLabel"));
    }

    /** Events sent before actors travelled with them name their official in the body: that name is the actor. */
    @Test
    void anEventWithoutAnActorHeaderIsAttributedToTheAccountItNames() {
        String org = TestEvents.code("AUO");
        UUID id = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosureReviewed", id, 3, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reviewedBy":"reviewer-wang",
                 "checks":["SECRECY","NECESSITY","ACCURACY"],"at":"2026-03-04T10:00:00+08:00"}""".formatted(id, org));
        TestEvents.await(() -> entries("organization=" + org).getInt("total") == 1);
        JsonPath found = entries("organization=" + org);
        assertEquals("reviewer-wang", found.getString("items[0].actor"));
        assertEquals("审核：保密审查已通过、确有公开必要、内容准确", found.getString("items[0].reason"));
    }

    @Test
    void theGatewaysOwnCommandsAreRecordedWithTheirCaller() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cidr", "10.91.0.0/16", "reason", "县交通运输局内网（审计测试）"))
                .post("/api/v1/internal/webhooks/allowed-ranges").then().statusCode(201);
        JsonPath found = entries("action=WebhookRangeAllowed&actor=admin");
        assertTrue(found.getList("items.reason").contains("用途：县交通运输局内网（审计测试）"), found.prettify());
        assertEquals("gateway", found.getString("items[0].source"));
    }

    @Test
    void filtersByPeriodAndExportsCsv() {
        String org = TestEvents.code("AUP");
        for (String day : List.of("2025-12-31", "2026-01-01", "2026-01-31", "2026-02-01")) {
            UUID id = UUID.randomUUID();
            sendAs("disclosure.DisclosureWithdrawn", id, 6, "admin", "PERSON", """
                    {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reason":"撤回，%s",
                     "withdrawnBy":"admin","at":"%sT23:30:00+08:00"}""".formatted(id, org, day, day), day + "T23:30:00+08:00");
        }
        TestEvents.await(() -> entries("organization=" + org).getInt("total") == 4);
        // January in the county's days: half past eleven at night on 31 December is not in it, on 31 January is.
        List<String> january = entries("organization=" + org + "&from=2026-01-01&to=2026-01-31").getList("items.reason");
        assertEquals(List.of("理由：撤回，2026-01-31", "理由：撤回，2026-01-01"), january);

        byte[] csv = given().auth().oauth2(TestTokens.countyAdmin())
                .get(BASE + "/export.csv?organization=" + org + "&from=2026-01-01&to=2026-01-31")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF时间,操作人,操作人类型,操作,"), text);
        assertEquals(3, text.strip().split("\r\n").length, text);
        assertTrue(text.contains(",admin,工作人员,撤回公开事项,"), text);

        given().auth().oauth2(TestTokens.countyAdmin()).get(BASE + "?from=2026-02-01&to=2026-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void onlyTheCountyAdminReadsIt() {
        given().auth().oauth2(TestTokens.clerk("YP-V001")).get(BASE).then().statusCode(403);
        given().auth().oauth2(TestTokens.integration()).get(BASE).then().statusCode(403);
        given().get(BASE).then().statusCode(401);
        JsonPath actions = given().auth().oauth2(TestTokens.countyAdmin()).get(BASE + "/actions").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(actions.getList("code").containsAll(List.of("CommentApproved", "CommitmentWithdrawn",
                "WebhookSubscribed")));
    }

    private static JsonPath entries(String query) {
        return given().auth().oauth2(TestTokens.countyAdmin()).get(BASE + "?size=50&" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void sendAs(String type, UUID aggregate, long version, String actor, String kind, String json) {
        sendAs(type, aggregate, version, actor, kind, json, null);
    }

    private static void sendAs(String type, UUID aggregate, long version, String actor, String kind, String json,
                               String time) {
        String topic = type.startsWith("disclosure.") ? "disclosure.events"
                : type.startsWith("commitment.") ? "commitment.events" : "supervision.events";
        Map<String, String> headers = EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs." + type + ".v1", aggregate, version);
        headers.put("ce_actor", actor);
        headers.put("ce_actorkind", kind);
        if (time != null) {
            headers.put("ce_time", time);
        }
        EventProbe.send(topic, aggregate.toString(), headers, json);
    }
}
