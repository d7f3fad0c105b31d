package cn.gov.partyaffairs.e2e;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The disclosure workflow through the gateway, with four eyes: the demo clerk (YP-V001) drafts, submits and
 * publishes, the county admin reviews, and another person of the county office, the demo approver, approves.
 */
final class Workflow {

    private Workflow() {
    }

    /**
     * Drafts, submits, reviews, approves and publishes; each step must answer 200/201 (read-your-writes: the read
     * model already shows it). Returns the disclosure id.
     */
    static String publish(String title, String scope, String channels) {
        String gateway = Suite.gateway() + "/api/internal/";
        String clerk = Suite.token("clerk");
        String admin = Suite.token("admin");
        String approver = Suite.token("approver");
        HttpResponse<String> drafted = Suite.post(gateway + "disclosures", clerk, """
                {"organizationCode":"YP-V001","itemCodes":["%s"],"title":"%s","body":"本期公开内容。",
                 "periodStart":"%s","periodEnd":"%s","scope":"%s","plannedChannels":[%s],"plannedPublicationAt":"%s"}"""
                .formatted(scope.equals("PUBLIC") ? "C8-01" : "C6-02", title, LocalDate.now().withDayOfMonth(1),
                        LocalDate.now().withDayOfMonth(1).plusMonths(2).minusDays(1), scope, channels,
                        OffsetDateTime.now().minusMinutes(1)));
        assertEquals(201, drafted.statusCode(), drafted.body());
        String id = Suite.json(drafted).get("id").asText();
        assertEquals(200, Suite.post(gateway + "disclosures/" + id + "/submit", clerk, "{\"attestNoSecrets\":true}").statusCode());
        assertEquals(200, Suite.post(gateway + "disclosures/" + id + "/review", admin,
                "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}").statusCode());
        HttpResponse<String> approved = Suite.post(gateway + "disclosures/" + id + "/approve", approver, "");
        assertEquals(200, approved.statusCode(), approved.body());
        HttpResponse<String> published = Suite.post(gateway + "disclosures/" + id + "/publish", clerk,
                "{\"channels\":[" + channels + "]}");
        assertEquals(200, published.statusCode(), "read-your-writes: answered once the read model shows it: " + published.body());
        return id;
    }
}
