package cn.gov.partyaffairs.gateway.notification;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follows, notifications and their mail, end to end inside the gateway: events from the real broker, the outbox in
 * the real database, the mail through Quarkus Mailer to a real SMTP server (GreenMail), read back from it.
 */
@QuarkusTest
class FollowAndNotifyTest {

    @Inject
    EntityManager em;

    @Inject
    MailRelay relay;

    @Inject
    DigestJob digests;

    @Inject
    Notifications notifications;

    @ConfigProperty(name = "quarkus.mailer.port")
    int smtpPort;

    private GreenMail smtp;

    @BeforeEach
    void startMailServer() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static String citizen(String user) {
        return TestTokens.withEmail(user, "citizen", null, null, user + "@county.example");
    }

    private static String organization() {
        String code = TestEvents.code("V");
        TestEvents.organization(UUID.randomUUID(), code, "village-branch", null);
        TestEvents.await(() -> given().get("/api/v1/public/organizations/" + code).statusCode() == 200);
        return code;
    }

    private static UUID publish(String organization, String title) {
        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5,
                TestEvents.published(disclosure, organization, "PUBLIC", title, "2026-10", 1));
        return disclosure;
    }

    private static int unread(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me/notifications").then().statusCode(200)
                .extract().path("unread");
    }

    /** The mails the SMTP server holds for the address whose Message-ID is the notification's. */
    private List<MimeMessage> mailsFor(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private long outboxRows(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM mail_outbox WHERE recipient = ?1").setParameter(1, recipient).getSingleResult()).longValue());
    }

    @Test
    void aCitizenFollowsAnOrganizationAndHearsOfItsDisclosureOnceInThePortalAndByMail() throws Exception {
        String user = "follower-" + UUID.randomUUID().toString().substring(0, 8);
        String token = citizen(user);
        String organization = organization();

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"ORGANIZATION\",\"code\":\"" + organization + "\"}")
                .when().post("/api/v1/me/follows").then().statusCode(200)
                .body("name", equalTo("测试" + organization)).body("link", equalTo("/org.html?code=" + organization));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"ORGANIZATION\",\"code\":\"NO-SUCH\"}")
                .when().post("/api/v1/me/follows").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"ORGANIZATION\"}")
                .when().post("/api/v1/me/follows").then().statusCode(400).body(containsString("请填写关注对象的编码"));
        given().auth().oauth2(token).when().get("/api/v1/me/follows").then().statusCode(200)
                .body("follows", hasSize(1)).body("follows[0].code", equalTo(organization));
        // Only a citizen follows; an official's token reads its notifications but follows nothing.
        given().auth().oauth2(TestTokens.clerk(organization)).when().get("/api/v1/me/follows").then().statusCode(403);
        given().when().get("/api/v1/me/notifications").then().statusCode(401);

        UUID disclosure = publish(organization, "2026年10月村务收支情况");
        // A party-internal disclosure tells the public nothing, followers neither.
        UUID internal = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", internal, 5,
                TestEvents.published(internal, organization, "PARTY", "党内事项", "2026-10", 1));
        TestEvents.await(() -> unread(token) == 1);
        given().auth().oauth2(token).when().get("/api/v1/me/notifications").then()
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("DISCLOSURE_PUBLISHED"))
                .body("items[0].title", containsString("2026年10月村务收支情况"))
                .body("items[0].link", equalTo("/disclosure.html?id=" + disclosure));

        smtp.waitForIncomingEmail(30_000, 1);
        TestEvents.await(() -> mailsFor(user + "@county.example").size() == 1);
        MimeMessage mail = mailsFor(user + "@county.example").get(0);
        UUID notification = Notifications.idOf(eventIdOf(disclosure), user);
        assertEquals("<" + notification + "@dwgk.yuping.local>", mail.getHeader("Message-ID", null));
        assertTrue(mail.getSubject().contains("2026年10月村务收支情况"), mail.getSubject());
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertTrue(body.contains("查看详情：") && body.contains("/disclosure.html?id=" + disclosure), body);
        assertTrue(body.contains("退订邮件"), body);
        String unsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertTrue(unsubscribe.startsWith("<http") && unsubscribe.contains("/api/v1/public/unsubscribe?token="), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));

        // Rebuilt read models notify nobody again: the rebuild re-applies every event without the notifications.
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/internal/admin/rebuild").then().statusCode(200);
        // The same event once more (as a replayed record would bring it): its notification is there, nothing is added.
        String eventId = eventIdOf(disclosure);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notifications.notify(
                new Notifications.Recipient(user, null, user + "@county.example", Delivery.IMMEDIATE), eventId,
                new Notifications.Content("DISCLOSURE_PUBLISHED", "重复", "重复", "/"), java.time.OffsetDateTime.now())));
        long rounds = relay.rounds();
        TestEvents.await(() -> relay.rounds() > rounds + 3);
        assertEquals(1, unread(token));
        assertEquals(1, outboxRows(user));
        assertEquals(1, mailsFor(user + "@county.example").size());

        // Read, then unfollowed: the next disclosure reaches nobody.
        given().auth().oauth2(token).when().post("/api/v1/me/notifications/read").then().statusCode(200)
                .body("unread", equalTo(0)).body("items[0].read", equalTo(true));
        given().auth().oauth2(token).when().delete("/api/v1/me/follows/ORGANIZATION/" + organization).then()
                .statusCode(200).body("follows", hasSize(0));
        UUID later = publish(organization, "2026年11月村务收支情况");
        TestEvents.await(() -> given().get("/api/v1/public/disclosures/" + later).statusCode() == 200);
        assertEquals(0, unread(token));
    }

    /** The CloudEvent id the gateway logged for the disclosure's publication. */
    private String eventIdOf(UUID disclosure) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT event_id FROM event_log WHERE subject = ?1 AND type LIKE '%DisclosurePublished%'")
                .setParameter(1, disclosure).getSingleResult());
    }

    @Test
    void mailServerDownThenUpDeliveredExactlyOnce() throws Exception {
        String user = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String token = citizen(user);
        String organization = organization();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"ORGANIZATION\",\"code\":\"" + organization + "\"}")
                .when().post("/api/v1/me/follows").then().statusCode(200);

        smtp.stop();
        publish(organization, "停机期间公开的事项");
        TestEvents.await(() -> unread(token) == 1);
        // Tried and failed, more than once, while the server is away; still pending, nothing lost.
        TestEvents.await(() -> attempts(user) >= 2);
        assertEquals("PENDING", status(user));

        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        TestEvents.await(() -> "SENT".equals(status(user)));
        long rounds = relay.rounds();
        TestEvents.await(() -> relay.rounds() > rounds + 5);
        List<MimeMessage> mails = mailsFor(user + "@county.example");
        assertEquals(1, mails.size(), "delivered exactly once");
        assertTrue(mails.get(0).getSubject().contains("停机期间公开的事项"));
    }

    private String status(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT status FROM mail_outbox WHERE recipient = ?1").setParameter(1, recipient).getSingleResult());
    }

    private int attempts(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT attempts FROM mail_outbox WHERE recipient = ?1")
                    .setParameter(1, recipient).getResultList();
            return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
        });
    }

    @Test
    void aDigestCollectsTheDayInOneMailAndUnsubscribingNeedsNoLogin() throws Exception {
        String user = "digest-" + UUID.randomUUID().toString().substring(0, 8);
        String token = citizen(user);
        String organization = organization();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"ORGANIZATION\",\"code\":\"" + organization + "\"}")
                .when().post("/api/v1/me/follows").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"delivery\":\"DIGEST\"}")
                .when().put("/api/v1/me/notification-settings").then().statusCode(200)
                .body("delivery", equalTo("DIGEST")).body("email", equalTo(user + "@county.example"));

        publish(organization, "汇总一：村务公开");
        publish(organization, "汇总二：财务公开");
        TestEvents.await(() -> unread(token) == 2);
        assertEquals(0, outboxRows(user), "no mail per notification for a digest reader");

        LocalDate day = LocalDate.of(2026, 12, 7);
        assertTrue(digests.digest(day) >= 1);
        assertEquals(0, digests.digest(day), "one digest a day");
        assertEquals(1, outboxRows(user));
        TestEvents.await(() -> mailsFor(user + "@county.example").size() == 1);
        MimeMessage digest = mailsFor(user + "@county.example").get(0);
        assertTrue(digest.getSubject().contains("通知汇总（2 条）"), digest.getSubject());
        String body = (String) digest.getContent();
        assertTrue(body.contains("汇总一：村务公开") && body.contains("汇总二：财务公开"), body);

        // One click on the mail's link, no login: no more mail, the notifications stay in the portal.
        String link = digest.getHeader("List-Unsubscribe", null).replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/api/v1/public/unsubscribe"));
        given().when().get(path).then().statusCode(200).body(containsString("已退订通知邮件"));
        given().auth().oauth2(token).when().get("/api/v1/me/notification-settings").then()
                .body("delivery", equalTo("NONE"));
        given().when().get("/api/v1/public/unsubscribe?token=" + "x" + path.substring(path.indexOf('=') + 1))
                .then().statusCode(400).body(containsString("退订链接无效"));
        publish(organization, "退订之后的公开");
        TestEvents.await(() -> unread(token) == 3);
        assertEquals(1, outboxRows(user));
    }

    @Test
    void officialsHearOfTheWorkWaitingForThemButNotOfTheirOwnSteps() {
        String township = TestEvents.code("T");
        String village = TestEvents.code("V");
        TestEvents.organization(UUID.randomUUID(), township, "township-committee", null);
        TestEvents.organization(UUID.randomUUID(), village, "village-branch", township);
        TestEvents.await(() -> given().get("/api/v1/public/organizations/" + village).statusCode() == 200);
        String clerkUser = "clerk-" + village.toLowerCase();
        String clerk = TestTokens.withEmail(clerkUser, "org-clerk", "org_code", village, clerkUser + "@county.example");
        String reviewerUser = "clerk-" + township.toLowerCase();
        String reviewer = TestTokens.withEmail(reviewerUser, "org-clerk", "org_code", township, reviewerUser + "@county.example");
        String otherUser = "clerk-other-" + village.toLowerCase();
        String other = TestTokens.withEmail(otherUser, "org-clerk", "org_code", TestEvents.code("X"), otherUser + "@county.example");
        // Signing in to the console is how the gateway learns where an official's notifications go.
        for (String token : List.of(clerk, reviewer, other)) {
            assertEquals(0, unread(token));
        }

        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosureDrafted", disclosure, 1, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","itemCodes":["C8-01"],"title":"十月党务公开",
                 "body":"正文","periodStart":"2026-10-01","periodEnd":"2026-10-31","plannedChannels":["disclosure-board"],
                 "draftedBy":"%s","at":"2026-10-28T09:00:00+08:00"}""".formatted(disclosure, village, clerkUser));
        TestEvents.send("disclosure.DisclosureSubmitted", disclosure, 2, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","attestedNoSecrets":true,"submittedBy":"%s",
                 "at":"2026-10-28T10:00:00+08:00"}""".formatted(disclosure, village, clerkUser));
        TestEvents.await(() -> unread(reviewer) == 1);
        given().auth().oauth2(reviewer).when().get("/api/v1/me/notifications").then()
                .body("items[0].kind", equalTo("REVIEW_WAITING"))
                .body("items[0].title", equalTo("「十月党务公开」待您审核"));
        TestEvents.send("disclosure.DisclosureReturned", disclosure, 3, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","fromStatus":"SUBMITTED",
                 "reasons":"请补充经费明细","returnedBy":"%s","at":"2026-10-29T10:00:00+08:00"}"""
                .formatted(disclosure, village, reviewerUser));
        TestEvents.await(() -> unread(clerk) == 1);
        given().auth().oauth2(clerk).when().get("/api/v1/me/notifications").then()
                .body("items.kind", hasItem("DISCLOSURE_RETURNED"))
                .body("items[0].body", containsString("请补充经费明细"));
        assertEquals(1, unread(reviewer), "the reviewer hears nothing of their own return");
        assertEquals(0, unread(other), "another organization's clerk hears nothing");

        // The cadence engine's reminder that a period falls due reaches the organization's clerk.
        UUID obligation = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosureDueSoon", obligation, 1, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","organizationType":"village-branch",
                 "periodStart":"2026-09-01","periodEnd":"2026-10-31","dueDate":"2026-11-06","workingDaysLeft":2,
                 "detectedAt":"2026-11-05T00:05:00+08:00"}""".formatted(obligation, UUID.randomUUID(), village));
        TestEvents.await(() -> unread(clerk) == 2);
        given().auth().oauth2(clerk).when().get("/api/v1/me/notifications").then()
                .body("items[0].kind", equalTo("PERIOD_DUE_SOON"))
                .body("items[0].title", containsString("2026年11月6日到期"));
        assertEquals(1, unread(reviewer));
    }
}
