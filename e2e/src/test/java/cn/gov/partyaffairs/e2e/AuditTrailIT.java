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
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail across the services, as the county admin reads it: moderating a comment (disclosure service) and
 * withdrawing a commitment (commitment service) appear with their actor, what they did and why.
 */
class AuditTrailIT {

    private final String gateway = Suite.gateway();

    @Test
    void aModerationAndAWithdrawalAppearInTheAuditViewWithTheirActor() {
        String admin = Suite.token("admin");
        String head = Suite.token("head");
        String marker = "审计验收-" + UUID.randomUUID().toString().substring(0, 8);

        String disclosure = Workflow.publish(marker, "PUBLIC", "\"disclosure-board\"");
        HttpResponse<String> commented = anonymousPost("/api/v1/public/disclosures/" + disclosure + "/comments",
                "{\"body\":\"" + marker + " 请公开资金明细\"}");
        assertEquals(202, commented.statusCode(), commented.body());
        String comment = Suite.json(commented).get("id").asText();
        HttpResponse<String> rejected = Suite.post(gateway + "/api/v1/internal/comments/" + comment + "/reject", admin,
                "{\"reason\":\"" + marker + " 含有他人电话号码\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());

        HttpResponse<String> pledged = Suite.post(gateway + "/api/v1/internal/commitments", head, """
                {"kind":"SERVICE","title":"%s","category":"administrative-approval","departmentCode":"YP-D-TRANSPORT",
                 "responsible":"县交通运输局局长","dueDate":"%s"}""".formatted(marker, LocalDate.now().plusMonths(3)));
        assertEquals(201, pledged.statusCode(), pledged.body());
        String commitment = Suite.json(pledged).get("id").asText();
        HttpResponse<String> withdrawn = Suite.post(gateway + "/api/v1/internal/commitments/" + commitment + "/withdraw",
                head, "{\"reason\":\"" + marker + " 项目并入县级统一建设\"}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode moderation = entry(admin, "action=CommentRejected&actor=admin", comment);
            assertEquals("PERSON", moderation.get("actorKind").asText());
            assertEquals("YP-V001", moderation.get("organizationCode").asText());
            assertEquals("理由：" + marker + " 含有他人电话号码", moderation.get("reason").asText());

            JsonNode withdrawal = entry(admin, "action=CommitmentWithdrawn&actor=head", commitment);
            assertEquals("撤回承诺", withdrawal.get("actionLabel").asText());
            assertEquals("YP-D-TRANSPORT", withdrawal.get("departmentCode").asText());
            assertEquals("理由：" + marker + " 项目并入县级统一建设", withdrawal.get("reason").asText());

            // The public's comment itself: by the public, not by an account.
            JsonNode submitted = entry(admin, "action=CommentSubmitted&actor=public", comment);
            assertEquals("PUBLIC", submitted.get("actorKind").asText());
        });

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String csv = Suite.get(gateway + "/api/v1/internal/audit/export.csv?action=CommitmentWithdrawn&actor=head&from="
                + today + "&to=" + today, admin).body();
        assertTrue(csv.contains(marker + " 项目并入县级统一建设") && csv.contains(",head,工作人员,撤回承诺,"), csv);
        assertEquals(403, Suite.get(gateway + "/api/v1/internal/audit", head).statusCode());
    }

    /** The newest entry of the filter about this subject. */
    private JsonNode entry(String token, String filter, String subject) {
        JsonNode page = Suite.json(Suite.get(gateway + "/api/v1/internal/audit?size=50&" + filter, token));
        for (JsonNode item : page.get("items")) {
            if (subject.equals(item.get("subject").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + filter + " entry for " + subject + " in " + page);
    }

    private HttpResponse<String> anonymousPost(String path, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "192.0.2." + (int) (Math.random() * 200 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
