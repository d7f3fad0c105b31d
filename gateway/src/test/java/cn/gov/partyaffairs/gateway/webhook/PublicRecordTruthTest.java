package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.SseTestClient;
import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the public reads is true and no more than it may know. A withdrawn disclosure's body and earlier versions are
 * absent from every public surface — the JSON, the server-rendered page, search, the exports, a stream replayed from
 * before the withdrawal, a webhook replay — while its title, organization, period, dates and reason stay; and no
 * official's account name (the demo realm's users) appears on any of them.
 */
@QuarkusTest
class PublicRecordTruthTest {

    /** The demo realm's users (deploy/keycloak/county-realm.json) and the tests' token subjects. */
    private static final List<String> ACCOUNTS = List.of("admin", "approver", "clerk", "clerk2", "township", "head", "inspector",
            "citizen", "citizen2", "integration-demo");

    private static final String TYPES = "cn.gov.partyaffairs.disclosure.";

    @TestHTTPResource("/api/public/stream")
    URL publicStream;

    @Test
    void aWithdrawnDisclosuresBodyLeavesEveryPublicSurfaceAndNoAccountNameIsPublic() throws Exception {
        String organization = TestEvents.code("W");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID id = UUID.randomUUID();
        String marker = "隐私" + UUID.randomUUID().toString().substring(0, 6);
        String corrected = "更正" + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.send("disclosure.DisclosurePublished", id, 5, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","itemCodes":["C5-02"],"title":"低保评议名单公示",
                 "body":"评议名单：%s 张某某 身份证号 5206xxxx","periodStart":"2026-03-01","periodEnd":"2026-04-30",
                 "channels":["disclosure-board"],"contentVersion":1,"publishedBy":"clerk","at":"2026-05-06T09:00:00+08:00"}"""
                .formatted(id, organization, marker));
        TestEvents.send("disclosure.DisclosureCorrected", id, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","contentVersion":2,"title":"低保评议名单公示",
                 "body":"评议名单（%s）：%s 张某某","reason":"补充说明","correctedBy":"clerk","at":"2026-05-07T10:00:00+08:00"}"""
                .formatted(id, organization, corrected, marker));
        // Before the withdrawal, a stream subscriber is where an older Last-Event-ID will resume.
        TestEvents.await(() -> given().get("/api/public/disclosures/" + id).then().extract().statusCode() == 200
                && given().get("/api/public/disclosures/" + id).then().extract().<Integer>path("contentVersion") == 2);
        TestEvents.send("disclosure.DisclosureWithdrawn", id, 7, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reason":"名单涉及个人隐私信息",
                 "withdrawnBy":"admin","at":"2026-05-08T09:00:00+08:00"}""".formatted(id, organization));
        TestEvents.await(() -> "WITHDRAWN".equals(given().get("/api/public/disclosures/" + id).then().extract().path("status")));

        // The public JSON: what it existed as, and nothing of its content.
        String json = given().when().get("/api/public/disclosures/" + id).then().statusCode(200)
                .body("title", equalTo("低保评议名单公示")).body("organizationCode", equalTo(organization))
                .body("periodStart", equalTo("2026-03-01")).body("periodEnd", equalTo("2026-04-30"))
                .body("publishedAt", notNullValue()).body("withdrawnAt", notNullValue())
                .body("withdrawReason", equalTo("名单涉及个人隐私信息")).body("body", nullValue())
                .body("versions.size()", equalTo(0)).extract().asString();
        clean("public JSON", json, marker, corrected);
        clean("the organization's page", given().get("/api/public/organizations/" + organization).asString(), marker, corrected);
        clean("comments", given().get("/api/public/disclosures/" + id + "/comments").asString(), marker, corrected);

        // The page rendered on the server.
        String page = given().when().get("/disclosure.html?id=" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("名单涉及个人隐私信息") && page.contains("低保评议名单公示"), page);
        clean("server-rendered page", page, marker, corrected);

        // Search: the index holds nothing of it any more.
        given().queryParam("q", marker).when().get("/api/public/search").then().statusCode(200).body("total", equalTo(0));
        clean("search", given().queryParam("q", "低保评议名单公示").get("/api/public/search").asString(), marker, corrected);

        // The exports: the row stays, with its status and reason, without content.
        String csv = new String(given().get("/api/public/export/disclosures.csv").asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFid,organizationCode,organizationName,status,title"), csv.substring(0, 90));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(id + ",") && l.contains(",WITHDRAWN,") && l.contains("名单涉及个人隐私信息")));
        clean("CSV export", csv, marker, corrected);
        clean("JSON export", given().get("/api/public/export/disclosures.json").asString(), marker, corrected);

        // A stream replayed from the very start: the withdrawal is there, the content is not.
        try (SseTestClient replay = new SseTestClient(publicStream, "0", null)) {
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !replay.dataContaining("名单涉及个人隐私信息").isEmpty());
            assertEquals(List.of(), replay.dataContaining(marker), "no replayed event carries the withdrawn body");
            assertEquals(List.of(), replay.dataContaining(corrected));
            // Every public event of the log, this test's and all before it: no account name.
            replay.events.forEach(e -> clean("public stream", e[1], marker, corrected));
        }

        // A webhook subscriber replaying from the start gets the withdrawal only.
        HookReceiver receiver = new HookReceiver().start();
        try {
            io.restassured.path.json.JsonPath created = given().auth().oauth2(TestTokens.integration())
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "types", List.of(TYPES + "DisclosurePublished.v1",
                            TYPES + "DisclosureCorrected.v1", TYPES + "DisclosureWithdrawn.v1")))
                    .when().post("/api/internal/webhooks").then().statusCode(201).extract().jsonPath();
            String subscription = created.getString("id");
            receiver.secret(subscription, created.getString("secret"));
            given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                    .body(Map.of("from", "2000-01-01T00:00:00Z"))
                    .when().post("/api/internal/webhooks/" + subscription + "/replay").then().statusCode(200);
            await().atMost(java.time.Duration.ofSeconds(60)).until(() -> receiver.accepted().stream()
                    .anyMatch(d -> d.cloudEvent().path("subject").asText().equals(id.toString())));
            List<HookReceiver.Delivery> about = receiver.accepted().stream()
                    .filter(d -> d.cloudEvent().path("subject").asText().equals(id.toString())).toList();
            assertEquals(List.of(TYPES + "DisclosureWithdrawn.v1"),
                    about.stream().map(d -> d.cloudEvent().path("type").asText()).distinct().toList());
            about.forEach(d -> clean("webhook replay", new String(d.body(), StandardCharsets.UTF_8), marker, corrected));
            given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/internal/webhooks/" + subscription + "/pause");
        } finally {
            receiver.close();
        }

        // Officials keep the full record on the inside.
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/internal/dashboard").then().statusCode(200);
    }

    /** Neither the body nor an earlier version, nor any account name as a value. */
    private static void clean(String surface, String text, String... contents) {
        for (String content : contents) {
            assertFalse(text.contains(content), surface + " shows withdrawn content " + content + ": " + text);
        }
        for (String account : ACCOUNTS) {
            assertFalse(Pattern.compile("(\"" + Pattern.quote(account) + "\")|(^|,)" + Pattern.quote(account) + "(,|$)",
                    Pattern.MULTILINE).matcher(text).find(), surface + " names the account " + account + ": " + text);
        }
    }
}
