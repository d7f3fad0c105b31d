package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo clerk (organization YP-V001 in Keycloak) takes a disclosure through 提出 → 审核 → 审批 → 实施 via the
 * gateway, with the county admin reviewing and the demo approver, another person, approving (four eyes: the reviewer
 * may not approve, the county admin neither); a second clerk is refused on the first one's work.
 */
class DisclosureWorkflowIT {

    @BeforeAll
    static void theClerksOrganizationsExist() {
        String admin = Suite.token("admin");
        for (String body : new String[] {
                "{\"code\":\"YP-T01\",\"name\":\"朱家场镇党委\",\"type\":\"township-committee\"}",
                "{\"code\":\"YP-V001\",\"name\":\"鱼塘村党支部\",\"type\":\"village-branch\",\"parentCode\":\"YP-T01\"}",
                "{\"code\":\"YP-V002\",\"name\":\"大湾村党支部\",\"type\":\"village-branch\",\"parentCode\":\"YP-T01\"}"}) {
            int status = Suite.post(Suite.gateway() + "/api/internal/organizations", admin, body).statusCode();
            assertTrue(status == 201 || status == 409, "registered or already there: " + status);
        }
    }

    private static HttpResponse<String> step(String token, String id, String step, String body) {
        return Suite.post(Suite.gateway() + "/api/internal/disclosures/" + id + "/" + step, token, body);
    }

    @Test
    void aClerkDraftsAndSubmitsAnAdminReviewsAnotherApprovesTheClerkPublishes() {
        String clerk = Suite.token("clerk");
        String admin = Suite.token("admin");
        String approver = Suite.token("approver");
        HttpResponse<String> drafted = Suite.post(Suite.gateway() + "/api/v1/internal/disclosures", clerk, """
                {"organizationCode":"YP-V001","itemCodes":["C8-01"],"title":"鱼塘村为民办实事进展","body":"村组道路硬化2公里已完工。",
                 "periodStart":"2017-03-01","periodEnd":"2017-04-30","scope":"PUBLIC",
                 "plannedChannels":["disclosure-board","county-website"],"plannedPublicationAt":"%s"}"""
                .formatted(OffsetDateTime.now().minusMinutes(5)));
        assertEquals(201, drafted.statusCode(), drafted.body());
        String id = Suite.json(drafted).get("id").asText();

        assertEquals(200, step(clerk, id, "submit", "{\"attestNoSecrets\":true}").statusCode());
        assertEquals(403, step(Suite.token("clerk2"), id, "review",
                "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}").statusCode());
        assertEquals(403, step(clerk, id, "review", "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}")
                .statusCode(), "the author does not review");
        assertEquals(200, step(admin, id, "review", "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}").statusCode());
        HttpResponse<String> sameReviewer = step(admin, id, "approve", "");
        assertEquals(403, sameReviewer.statusCode(), sameReviewer.body());
        assertEquals("urn:partyaffairs:problem:four-eyes", Suite.json(sameReviewer).get("type").asText());
        assertTrue(Suite.json(sameReviewer).get("title").asText().contains("四眼原则"), sameReviewer.body());
        assertEquals(200, step(approver, id, "approve", "").statusCode());
        HttpResponse<String> published = step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}");
        assertEquals(200, published.statusCode(), published.body());
        JsonNode disclosure = Suite.json(published);
        assertEquals("PUBLISHED", disclosure.get("status").asText());
        assertEquals(5, disclosure.get("steps").size());
        assertEquals("admin", disclosure.get("steps").get(2).get("actor").asText());
        assertEquals("approver", disclosure.get("steps").get(3).get("actor").asText());

        HttpResponse<String> illegal = step(clerk, id, "submit", "{\"attestNoSecrets\":true}");
        assertEquals(409, illegal.statusCode());
        assertEquals("PUBLISHED", Suite.json(illegal).get("currentState").asText());
    }

    /**
     * The township's clerk (demo user township, YP-T03) reviews for its villages, and being the reviewer may not also
     * approve; the county office's approver does. Needs the demo register, where YP-V001 belongs to YP-T03 (without
     * the demo data this class registers it under YP-T01, and the test is skipped).
     */
    @Test
    void theTownshipsClerkReviewsForItsVillageAndAnotherPersonApproves() {
        HttpResponse<String> village = Suite.get(Suite.gateway() + "/api/v1/public/organizations/YP-V001", null);
        Assumptions.assumeTrue(village.statusCode() == 200
                && "YP-T03".equals(Suite.json(village).path("organization").path("parentCode").asText()), "the demo register is loaded");
        String clerk = Suite.token("clerk");
        String township = Suite.token("township");
        HttpResponse<String> drafted = Suite.post(Suite.gateway() + "/api/v1/internal/disclosures", clerk, """
                {"organizationCode":"YP-V001","itemCodes":["C8-01"],"title":"鱼塘村四眼审核验收","body":"村组道路硬化进展。",
                 "periodStart":"2017-05-01","periodEnd":"2017-06-30","scope":"PUBLIC",
                 "plannedChannels":["disclosure-board"],"plannedPublicationAt":"%s"}"""
                .formatted(OffsetDateTime.now().minusMinutes(5)));
        assertEquals(201, drafted.statusCode(), drafted.body());
        String id = Suite.json(drafted).get("id").asText();
        assertEquals(200, step(clerk, id, "submit", "{\"attestNoSecrets\":true}").statusCode());
        HttpResponse<String> reviewed = step(township, id, "review",
                "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}");
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        HttpResponse<String> sameReviewer = step(township, id, "approve", "");
        assertEquals(403, sameReviewer.statusCode(), sameReviewer.body());
        assertEquals("urn:partyaffairs:problem:four-eyes", Suite.json(sameReviewer).get("type").asText());
        HttpResponse<String> approved = step(Suite.token("approver"), id, "approve", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonNode steps = Suite.json(approved).get("steps");
        assertEquals("township", steps.get(2).get("actor").asText());
        assertEquals("approver", steps.get(3).get("actor").asText());
    }
}
