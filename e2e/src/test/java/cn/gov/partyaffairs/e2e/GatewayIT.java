package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against the started suite: what officials do through it is readable by the public at once
 * (read-your-writes) and streamed live; party-internal content shows nowhere public; a reconnecting stream client
 * gets exactly what it missed; the rebuilt read models equal the live ones; the dashboard agrees with the services.
 */
class GatewayIT {

    private final String gateway = Suite.gateway();

    private HttpResponse<String> internal(String token, String path, String body) {
        return Suite.post(gateway + "/api/internal/" + path, token, body);
    }

    private static String publish(String title, String scope, String channels) {
        return Workflow.publish(title, scope, channels);
    }

    @Test
    void aPublishedDisclosureIsPublicAtOnceAndLiveAndAPartyInternalOneNowhere() {
        String marker = "网关验收-" + UUID.randomUUID().toString().substring(0, 8);
        try (SseClient stream = new SseClient(gateway + "/api/public/stream", null, null)) {
            String open = publish(marker + "-公开", "PUBLIC", "\"disclosure-board\"");
            String internal = publish(marker + "-党内", "PARTY_WIDE", "\"meeting\"");

            // No waiting: the publish answered after the read model had it.
            assertEquals(200, Suite.get(gateway + "/api/public/disclosures/" + open, null).statusCode());
            assertEquals(404, Suite.get(gateway + "/api/public/disclosures/" + internal, null).statusCode());
            JsonNode listed = Suite.json(Suite.get(gateway + "/api/public/disclosures?q=" + urlEncode(marker), null));
            assertEquals(1, listed.get("total").asInt(), listed.toString());
            for (String export : List.of("disclosures.csv", "disclosures.json")) {
                String body = Suite.get(gateway + "/api/public/export/" + export, null).body();
                assertTrue(body.contains(marker + "-公开"), export);
                assertFalse(body.contains(marker + "-党内"), export);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.containing(marker + "-公开").isEmpty());
            assertTrue(stream.containing(marker + "-党内").isEmpty(), "party-internal never on the public stream");
            assertEquals("DisclosurePublished", stream.containing(marker + "-公开").get(0).name());
        }
    }

    @Test
    void everyCommandPathReadsItsOwnWrite() {
        String head = Suite.token("head");
        String admin = Suite.token("admin");
        HttpResponse<String> pledged = internal(head, "commitments", """
                {"kind":"SERVICE","title":"网关验收：审批时限压缩","category":"administrative-approval",
                 "departmentCode":"YP-D-TRANSPORT","responsible":"县交通运输局局长","dueDate":"%s"}"""
                .formatted(LocalDate.now().plusMonths(3)));
        assertEquals(201, pledged.statusCode(), pledged.body());
        String commitment = Suite.json(pledged).get("id").asText();
        assertEquals(200, Suite.get(gateway + "/api/public/commitments/" + commitment, null).statusCode());

        assertEquals(200, internal(head, "commitments/" + commitment + "/progress", "{\"percent\":35}").statusCode());
        assertEquals(35, Suite.json(Suite.get(gateway + "/api/public/commitments/" + commitment, null))
                .get("progressPercent").asInt());

        HttpResponse<String> evaluated = post(gateway + "/api/public/commitments/" + commitment + "/evaluations",
                "{\"rating\":\"SATISFIED\"}", "198.51.100." + (int) (Math.random() * 200 + 1));
        assertEquals(201, evaluated.statusCode(), evaluated.body());
        assertEquals(1, Suite.json(Suite.get(gateway + "/api/public/commitments/" + commitment, null))
                .get("satisfaction").get("evaluations").asInt());

        // Supervision: the demo inspector's group (YP-G01) writes up good practice of its unit YP-V001.
        HttpResponse<String> written = internal(Suite.token("inspector"), "good-practices", """
                {"unitCode":"YP-V001","title":"网关验收：公开栏“一月一更新”","body":"每月初更新公开栏，群众意见当月答复。"}""");
        assertEquals(201, written.statusCode(), written.body());
        String practice = Suite.json(written).get("id").asText();
        assertTrue(Suite.json(Suite.get(gateway + "/api/internal/read-model/aggregates/" + practice, admin))
                .get("version").asLong() >= 1, "the read model had it when the command answered");

        String disclosure = publish("网关验收评论-" + UUID.randomUUID().toString().substring(0, 8), "PUBLIC",
                "\"disclosure-board\"");
        HttpResponse<String> commented = post(gateway + "/api/public/disclosures/" + disclosure + "/comments",
                "{\"body\":\"<b>公开及时</b>，点赞\"}", "203.0.113." + (int) (Math.random() * 200 + 1));
        assertEquals(202, commented.statusCode(), commented.body());
        assertTrue(commented.headers().firstValue("Read-Model").isEmpty(), "the service's own 202: shown as submitted");
        String comment = Suite.json(commented).get("id").asText();
        assertEquals(0, Suite.json(Suite.get(gateway + "/api/public/disclosures/" + disclosure + "/comments", null))
                .get("count").asInt(), "held for moderation");
        assertEquals(200, internal(admin, "comments/" + comment + "/approve", "").statusCode());
        JsonNode comments = Suite.json(Suite.get(gateway + "/api/public/disclosures/" + disclosure + "/comments", null));
        assertEquals(1, comments.get("count").asInt());
        assertEquals("公开及时，点赞", comments.get("comments").get(0).get("body").asText());
    }

    @Test
    void aReconnectingStreamClientGetsExactlyWhatItMissed() {
        String marker = "断线重连-" + UUID.randomUUID().toString().substring(0, 8);
        String lastSeen;
        try (SseClient stream = new SseClient(gateway + "/api/public/stream", null, null)) {
            publish(marker + "-前", "PUBLIC", "\"disclosure-board\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.containing(marker + "-前").isEmpty());
            lastSeen = stream.containing(marker + "-前").get(0).id();
        }
        publish(marker + "-错过一", "PUBLIC", "\"disclosure-board\"");
        publish(marker + "-错过党内", "PARTY_WIDE", "\"meeting\"");
        publish(marker + "-错过二", "PUBLIC", "\"county-website\"");
        try (SseClient resumed = new SseClient(gateway + "/api/public/stream", lastSeen, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !resumed.containing(marker + "-错过二").isEmpty());
            List<SseClient.Event> published = resumed.containing(marker).stream()
                    .filter(e -> "DisclosurePublished".equals(e.name())).toList();
            assertEquals(2, published.size(), published.toString());
            assertTrue(published.get(0).data().contains("-错过一") && published.get(1).data().contains("-错过二"));
        }
    }

    @Test
    void theDashboardAgreesWithTheCommitmentService() {
        String admin = Suite.token("admin");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode service = Suite.json(Suite.get(Suite.service("COMMITMENT_PORT", "8082")
                    + "/statistics?kind=PRACTICAL_THING", admin));
            JsonNode dashboard = Suite.json(Suite.get(gateway + "/api/public/statistics", null))
                    .get("commitments").get("PRACTICAL_THING");
            for (String figure : List.of("pledged", "inProgress", "fulfilled", "fulfilledOnTime", "overdue", "withdrawn",
                    "averageProgress", "onTimeRate")) {
                assertEquals(service.get(figure).asDouble(), dashboard.get(figure).asDouble(), figure);
            }
        });
    }

    @Test
    void theRebuiltReadModelsEqualTheLiveOnes() {
        String admin = Suite.token("admin");
        assertEquals(403, internal(Suite.token("clerk"), "admin/rebuild", "").statusCode());
        JsonNode before = Suite.json(Suite.get(gateway + "/api/internal/admin/read-model/digest", admin));
        HttpResponse<String> rebuilt = Suite.post(gateway + "/api/internal/admin/rebuild", admin, "", Duration.ofMinutes(5));
        assertEquals(200, rebuilt.statusCode(), rebuilt.body());
        JsonNode after = Suite.json(Suite.get(gateway + "/api/internal/admin/read-model/digest", admin));
        assertEquals(before, after);
    }

    @Test
    void tokensOnlyMatterOnInternalPaths() {
        assertEquals(401, Suite.get(gateway + "/api/internal/disclosures", null).statusCode());
        assertEquals(401, internal(null, "commitments", "{}").statusCode());
        assertEquals(200, Suite.get(gateway + "/api/public/disclosures", "not-a-token").statusCode());
        assertEquals(403, internal(Suite.token("inspector"), "commitments", """
                {"kind":"SERVICE","title":"无权承诺","category":"administrative-approval","departmentCode":"YP-D-TRANSPORT",
                 "responsible":"某人","dueDate":"%s"}""".formatted(LocalDate.now().plusMonths(1))).statusCode());
    }

    private static HttpResponse<String> post(String url, String body, String clientAddress) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
