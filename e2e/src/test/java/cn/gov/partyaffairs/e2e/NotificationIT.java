package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follows and notifications through the started suite (issue 18 part 1): the demo citizen follows the demo village,
 * a disclosure passes four people (clerk drafts, admin reviews, approver approves, clerk publishes), and the
 * notification shows in the citizen's portal inbox and arrives once in the suite's SMTP server (GreenMail, read
 * through its API). The officials hear of what waits for them, never of their own step.
 */
class NotificationIT {

    private static final String API = Suite.gateway() + "/api/v1/me/";

    /** GreenMail's API: the messages in a mailbox (an empty list before the first mail to it). */
    private static List<JsonNode> inbox(String address) {
        HttpResponse<String> answer = Suite.get("http://localhost:" + Suite.env("MAIL_API_PORT", "3085") + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX", null);
        List<JsonNode> messages = new ArrayList<>();
        if (answer.statusCode() == 200) {
            Suite.json(answer).forEach(messages::add);
        }
        return messages;
    }

    private static List<JsonNode> mailsWith(String address, String text) {
        return inbox(address).stream().filter(m -> m.path("subject").asText().contains(text)).toList();
    }

    private static List<JsonNode> notifications(String token, String text) {
        HttpResponse<String> answer = Suite.get(API + "notifications", token);
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonNode> found = new ArrayList<>();
        Suite.json(answer).get("items").forEach(n -> {
            if (n.path("title").asText().contains(text)) {
                found.add(n);
            }
        });
        return found;
    }

    @Test
    void aFollowerHearsOfThePublicationInThePortalAndByMailOnceAndTheOfficialsOfTheirTurn() {
        String citizen = Suite.token("citizen");
        HttpResponse<String> followed = Suite.post(API + "follows", citizen, "{\"kind\":\"ORGANIZATION\",\"code\":\"YP-V001\"}");
        assertEquals(200, followed.statusCode(), followed.body());
        // The officials sign in (the console reads their notifications): that is how the gateway knows their address.
        String township = Suite.token("township");
        String approver = Suite.token("approver");
        String admin = Suite.token("admin");
        for (String official : List.of(township, approver, admin)) {
            assertEquals(200, Suite.get(API + "notifications", official).statusCode());
        }

        String title = "关注通知端到端 " + System.nanoTime();
        String id = Workflow.publish(title, "PUBLIC", "\"disclosure-board\"");

        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(citizen, title).size() == 1);
        JsonNode notification = notifications(citizen, title).get(0);
        assertEquals("DISCLOSURE_PUBLISHED", notification.get("kind").asText());
        assertEquals("/disclosure.html?id=" + id, notification.get("link").asText());

        await().atMost(Duration.ofSeconds(60)).until(() -> mailsWith("citizen@county.example", title).size() == 1);
        JsonNode mail = mailsWith("citizen@county.example", title).get(0);
        assertTrue(mail.path("messageId").asText().endsWith("@dwgk.yuping.local>")
                || mail.path("mimeMessage").asText().contains("@dwgk.yuping.local>"), mail.toString());
        assertTrue(mail.path("mimeMessage").asText().contains("List-Unsubscribe:"), "one-click unsubscribe in the header");

        // Four eyes in the notifications too: the approver was asked to approve, the admin who reviewed was not.
        await().atMost(Duration.ofSeconds(30)).until(() -> !notifications(approver, title).isEmpty());
        assertTrue(notifications(approver, title).stream().anyMatch(n -> n.get("kind").asText().equals("APPROVAL_WAITING")));
        assertTrue(notifications(admin, title).stream().noneMatch(n -> n.get("kind").asText().equals("APPROVAL_WAITING")));
        assertTrue(notifications(township, title).stream().anyMatch(n -> n.get("kind").asText().equals("REVIEW_WAITING")));
        // Delivered once: later rounds of the relay add no copy.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsWith("citizen@county.example", title).size() == 1);
    }
}
