package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.gateway.EventLogEntry;
import cn.gov.partyaffairs.infra.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to a real receiver that checks the signature on its own. Events are written to event_log here, as the
 * projections would after applying them, so these tests do not depend on the projections.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String PUBLISHED = "cn.gov.partyaffairs.disclosure.DisclosurePublished.v1";
    private static final String PLEDGED = "cn.gov.partyaffairs.commitment.CommitmentPledged.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookSubscriptionRepository subscriptionRepository;

    @Inject
    WebhookDeliveryRepository deliveryRepository;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookConfig config;

    private final List<HookReceiver> receivers = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void tidyUp() {
        // Pause what this test made, so that nothing of it keeps retrying while the next test runs.
        subscriptions.forEach(id -> given().auth().oauth2(TestTokens.countyAdmin())
                .when().post("/api/internal/webhooks/" + id + "/pause").then().statusCode(200));
        receivers.forEach(HookReceiver::close);
    }

    @Test
    void aSubscriberGetsACorrectlySignedCloudEvent() throws Exception {
        HookReceiver receiver = receiver();
        String subscription = subscribe(receiver, List.of(PUBLISHED));
        UUID subject = UUID.randomUUID();
        String data = "{\"disclosureId\":\"" + subject + "\",\"title\":\"2024年第二季度党费收缴情况\",\"amount\":1234.50}";
        EventLogEntry event = record(PUBLISHED, EventLogEntry.Audience.PUBLIC, subject, 3,
                OffsetDateTime.parse("2024-07-01T09:30:00+08:00"), data);

        await().atMost(PATIENCE).until(() -> receiver.acceptedIds().contains(event.eventId));

        HookReceiver.Delivery delivery = receiver.accepted().stream()
                .filter(d -> d.id().equals(event.eventId)).findFirst().orElseThrow();
        assertEquals(List.of(), receiver.badSignatures());
        assertEquals("application/cloudevents+json", delivery.headers().get("Content-Type"));
        assertEquals(event.eventId, delivery.headers().get("X-Webhook-Id"));
        assertEquals(subscription, delivery.headers().get("X-Webhook-Subscription"));
        assertTrue(delivery.headers().get("X-Webhook-Timestamp").matches("\\d{10,}"));
        assertEquals(WebhookSignature.sign(secretOf(subscription), delivery.body()),
                delivery.headers().get("X-Webhook-Signature"));
        var ce = delivery.cloudEvent();
        assertEquals("1.0", ce.path("specversion").asText());
        assertEquals(event.eventId, ce.path("id").asText());
        assertEquals(PUBLISHED, ce.path("type").asText());
        assertEquals("disclosure-service", ce.path("source").asText());
        assertEquals(subject.toString(), ce.path("subject").asText());
        assertEquals(event.occurredAt.toInstant(), OffsetDateTime.parse(ce.path("time").asText()).toInstant());
        assertEquals("application/json", ce.path("datacontenttype").asText());
        assertEquals(3, ce.path("aggregateversion").asLong());
        assertEquals(JSON.readTree(data), ce.path("data"));
        assertTrue(new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8).contains("1234.50"),
                "the data travels verbatim");

        List<Map<String, Object>> attempts = deliveries(subscription).getList(
                "items.findAll { it.eventId == '" + event.eventId + "' }");
        assertEquals(1, attempts.size(), "one attempt, and it succeeded");
        Map<String, Object> attempt = attempts.get(0);
        assertEquals(event.seq, ((Number) attempt.get("eventSeq")).longValue());
        assertEquals(PUBLISHED, attempt.get("eventType"));
        assertEquals(1, attempt.get("attempt"));
        assertEquals(204, attempt.get("statusCode"));
        assertEquals(true, attempt.get("delivered"));
        assertNull(attempt.get("nextAttemptAt"));
        assertNotNull(attempt.get("attemptedAt"));
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(TestTokens.integration())
                .when().get("/api/internal/webhooks/" + subscription)
                .then().statusCode(200).extract().jsonPath().getLong("cursor") >= event.seq);
    }

    @Test
    void internalEventsAndTypesNotSubscribedToAreNeverDelivered() {
        HookReceiver receiver = receiver();
        String publishedOnly = subscribe(receiver, List.of(PUBLISHED));
        String everything = subscribe(receiver, List.of());

        String internal = record(PUBLISHED, EventLogEntry.Audience.INTERNAL).eventId;
        String pledged = record(PLEDGED, EventLogEntry.Audience.PUBLIC).eventId;
        String internalPledge = record(PLEDGED, EventLogEntry.Audience.INTERNAL).eventId;
        String marker = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        List<String> mine = List.of(internal, pledged, internalPledge, marker);

        // Delivery is in order: once the marker is there, everything before it has been decided on.
        await().atMost(PATIENCE).until(() -> idsFor(receiver, publishedOnly, mine).contains(marker)
                && idsFor(receiver, everything, mine).contains(marker));
        assertEquals(List.of(marker), idsFor(receiver, publishedOnly, mine));
        assertEquals(List.of(pledged, marker), idsFor(receiver, everything, mine));
        assertFalse(receiver.requests().contains(internal), "a party-internal event never leaves");
        assertFalse(receiver.requests().contains(internalPledge));
        assertEquals(List.of(), receiver.badSignatures());
    }

    @Test
    void aReceiverThatWasDownGetsEveryMissedDeliveryInOrderExactlyOnce() throws Exception {
        HookReceiver receiver = receiver();
        String subscription = subscribe(receiver, List.of(PUBLISHED));
        String first = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds().contains(first));

        // Down, answering 503: the same event is tried again and again, each attempt logged; the next one waits.
        receiver.mode(HookReceiver.Mode.UNAVAILABLE);
        String second = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        String third = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        await().atMost(PATIENCE).until(() -> failedAttempts(subscription, second, 503) >= 3);
        JsonPath log = deliveries(subscription);
        assertEquals(second, log.getString("items[0].eventId"));
        assertFalse(log.getBoolean("items[0].delivered"));
        assertEquals(503, log.getInt("items[0].statusCode"));
        assertTrue(log.getString("items[0].error").contains("503"));
        assertNotNull(log.get("items[0].nextAttemptAt"), "a failed attempt says when the next one comes");
        assertTrue(log.getInt("items[0].attempt") >= 3);
        assertFalse(log.getList("items.eventId").contains(third), "a later event never overtakes a failing one");
        assertFalse(receiver.requests().contains(third));
        JsonPath state = given().auth().oauth2(TestTokens.integration())
                .when().get("/api/internal/webhooks/" + subscription).then().statusCode(200).extract().jsonPath();
        assertTrue(state.getInt("failedAttempts") >= 3);

        // Hanging: no answer within the timeout counts as a failure too.
        receiver.mode(HookReceiver.Mode.HANG);
        await().atMost(PATIENCE).until(() -> failedAttempts(subscription, second, null) >= 1);
        assertTrue(deliveries(subscription).getString("items.find { it.statusCode == null }.error").contains("未答复"));

        // Gone altogether: connections are refused.
        receiver.stop();
        String fourth = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        await().atMost(PATIENCE).until(() -> deliveries(subscription).getList("items.error", String.class).stream()
                .anyMatch(e -> e != null && e.contains("无法连接")));

        // Back: everything missed arrives, in order, once.
        receiver.mode(HookReceiver.Mode.ACCEPT);
        receiver.start();
        List<String> expected = List.of(first, second, third, fourth);
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds(expected).size() >= 4);
        awaitDispatcherHadItsChance(subscription);
        assertEquals(expected, receiver.acceptedIds(expected));
        assertEquals(List.of(), receiver.badSignatures());
        JsonPath after = deliveries(subscription);
        for (String id : expected) {
            assertEquals(1, after.getList("items.findAll { it.eventId == '" + id + "' && it.delivered }").size(),
                    "delivered once: " + id);
        }
        assertEquals(0, given().auth().oauth2(TestTokens.integration())
                .when().get("/api/internal/webhooks/" + subscription).then().extract().jsonPath().getInt("failedAttempts"));
    }

    @Test
    void pauseStopsDeliveriesAndResumeContinuesWhereItStopped() {
        HookReceiver receiver = receiver();
        String subscription = subscribe(receiver, List.of(PUBLISHED));
        String first = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds().contains(first));

        given().auth().oauth2(TestTokens.integration()).when().post("/api/internal/webhooks/" + subscription + "/pause")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PAUSED"));
        String second = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        String third = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        List<String> mine = List.of(first, second, third);
        awaitDispatcherHadItsChance(subscription);
        assertEquals(List.of(first), receiver.acceptedIds(mine));
        assertFalse(deliveries(subscription).getList("items.eventId").contains(second), "not even an attempt while paused");

        given().auth().oauth2(TestTokens.integration()).when().post("/api/internal/webhooks/" + subscription + "/resume")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds(mine).size() >= 3);
        assertEquals(mine, receiver.acceptedIds(mine));
    }

    @Test
    void replayDeliversAgainFromAPointInTime() {
        HookReceiver receiver = receiver();
        String subscription = subscribe(receiver, List.of(PLEDGED));
        // Times no other test uses, so "the first event at or after" is one of these.
        OffsetDateTime base = OffsetDateTime.of(2900, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8))
                .plusDays(ThreadLocalRandom.current().nextInt(30_000));
        String first = record(PLEDGED, EventLogEntry.Audience.PUBLIC, UUID.randomUUID(), 1, base, "{}").eventId;
        String second = record(PLEDGED, EventLogEntry.Audience.PUBLIC, UUID.randomUUID(), 1, base.plusHours(1), "{}").eventId;
        String third = record(PLEDGED, EventLogEntry.Audience.PUBLIC, UUID.randomUUID(), 1, base.plusHours(2), "{}").eventId;
        List<String> mine = List.of(first, second, third);
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds(mine).size() >= 3);
        assertEquals(mine, receiver.acceptedIds(mine));

        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("from", base.plusMinutes(30).toString()))
                .when().post("/api/internal/webhooks/" + subscription + "/replay")
                .then().statusCode(200);

        await().atMost(PATIENCE).until(() -> receiver.acceptedIds(mine).size() >= 5);
        awaitDispatcherHadItsChance(subscription);
        assertEquals(List.of(first, second, third, second, third), receiver.acceptedIds(mine));
    }

    @Test
    void anEventStillBeingWrittenIsWaitedForSoThatOrderHolds() throws Exception {
        HookReceiver receiver = receiver();
        String subscription = subscribe(receiver, List.of(PUBLISHED));

        // A projection's transaction has taken its seq but not committed; a later one commits first.
        String early = UUID.randomUUID().toString();
        String late;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            insert(slow, early);
            late = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
            awaitDispatcherHadItsChance(subscription);
            assertEquals(List.of(), receiver.acceptedIds(List.of(early, late)), "nothing overtakes an event still being written");
            slow.commit();
        }
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds(List.of(early, late)).size() >= 2);
        assertEquals(List.of(early, late), receiver.acceptedIds(List.of(early, late)));

        // A seq whose transaction rolled back never fills: after the grace period delivery goes on past it.
        try (Connection failed = dataSource.getConnection()) {
            failed.setAutoCommit(false);
            insert(failed, UUID.randomUUID().toString());
            failed.rollback();
        }
        String afterHole = record(PUBLISHED, EventLogEntry.Audience.PUBLIC).eventId;
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds().contains(afterHole));
        assertEquals(List.of(early, late, afterHole), receiver.acceptedIds(List.of(early, late, afterHole)));
    }

    @Test
    void twoReplicasNeverDeliverToOneSubscriptionAtOnceNorTwice() throws Exception {
        // A second replica's dispatcher on the same database, beside the application's own.
        WebhookDispatcher secondReplica = new WebhookDispatcher(subscriptionRepository, deliveryRepository, sender, config);
        secondReplica.start(null);
        try {
            HookReceiver receiver = receiver();
            receiver.acceptDelay(20);
            List<String> subscribed = List.of(subscribe(receiver, List.of(PLEDGED)), subscribe(receiver, List.of(PLEDGED)),
                    subscribe(receiver, List.of(PLEDGED)), subscribe(receiver, List.of(PLEDGED)));
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(record(PLEDGED, EventLogEntry.Audience.PUBLIC).eventId);
            }

            await().atMost(PATIENCE).until(() -> subscribed.stream()
                    .allMatch(s -> idsFor(receiver, s, events).size() >= events.size()));
            for (String s : subscribed) {
                awaitDispatcherHadItsChance(s);
                await().atMost(PATIENCE).until(() -> !secondReplica.delivering(UUID.fromString(s)));
            }
            for (String s : subscribed) {
                assertEquals(events, idsFor(receiver, s, events), "each event once, in order, to " + s);
            }
            assertEquals(1, receiver.mostAtOnceForOneSubscription(), "never two deliveries to one subscription at once");
            assertEquals(List.of(), receiver.badSignatures());
        } finally {
            secondReplica.stop(null);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The target is checked again at every delivery, not only when subscribing: a county admin allows a range, a
     * receiver in it gets its events; once the range is withdrawn the next delivery is refused and never sent.
     */
    @Test
    void everyDeliveryChecksTheTargetAgain() throws Exception {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cidr", "127.0.0.2/32", "reason", "测试：某部门内网"))
                .when().post("/api/internal/webhooks/allowed-ranges").then().statusCode(201);
        HookReceiver receiver = new HookReceiver("127.0.0.2").start();
        receivers.add(receiver);
        String subscription = subscribe(receiver, List.of(PUBLISHED));
        EventLogEntry first = record(PUBLISHED, EventLogEntry.Audience.PUBLIC);
        await().atMost(PATIENCE).until(() -> receiver.acceptedIds().contains(first.eventId));

        given().auth().oauth2(TestTokens.countyAdmin())
                .when().delete("/api/internal/webhooks/allowed-ranges/127.0.0.2/32").then().statusCode(204);
        EventLogEntry second = record(PUBLISHED, EventLogEntry.Audience.PUBLIC);
        await().atMost(PATIENCE).until(() -> deliveries(subscription).getList("items", Map.class).stream()
                .anyMatch(d -> second.eventId.equals(d.get("eventId"))
                        && String.valueOf(d.get("error")).contains("已拒绝投递")));
        awaitDispatcherHadItsChance(subscription);
        assertFalse(receiver.requests().contains(second.eventId), "a refused target never gets the request");
    }

    private HookReceiver receiver() {
        try {
            HookReceiver receiver = new HookReceiver().start();
            receivers.add(receiver);
            return receiver;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Map<String, String> secrets = new java.util.HashMap<>();

    /** Subscribes the receiver as the integration client and hands it the secret shown once. */
    private String subscribe(HookReceiver receiver, List<String> types) {
        JsonPath created = given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "types", types))
                .when().post("/api/internal/webhooks")
                .then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        receiver.secret(id, secret);
        secrets.put(id, secret);
        subscriptions.add(id);
        return id;
    }

    private String secretOf(String subscription) {
        return secrets.get(subscription);
    }

    private EventLogEntry record(String type, EventLogEntry.Audience audience) {
        UUID subject = UUID.randomUUID();
        return record(type, audience, subject, 1, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                "{\"id\":\"" + subject + "\",\"title\":\"鱼塘村党支部\"}");
    }

    /** Writes an event_log row as a projection would, in its own committed transaction. */
    private EventLogEntry record(String type, EventLogEntry.Audience audience, UUID subject, long version,
                                 OffsetDateTime occurredAt, String data) {
        EventLogEntry entry = new EventLogEntry();
        entry.eventId = UUID.randomUUID().toString();
        entry.type = type;
        entry.source = type.contains(".commitment.") ? "commitment-service" : "disclosure-service";
        entry.subject = subject;
        entry.aggregateVersion = version;
        entry.occurredAt = occurredAt;
        entry.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.audience = audience;
        entry.organizationCode = "YP-V001";
        entry.data = data;
        QuarkusTransaction.requiringNew().run(() -> em.persist(entry));
        return entry;
    }

    private static void insert(Connection connection, String eventId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_log (event_id, type, source, subject, aggregate_version, occurred_at, recorded_at,
                    audience, organization_code, data)
                VALUES (?, ?, 'disclosure-service', ?, 1, ?, ?, 'PUBLIC', 'YP-V001', '{}')""")) {
            Timestamp now = Timestamp.from(java.time.Instant.now());
            insert.setString(1, eventId);
            insert.setString(2, PUBLISHED);
            insert.setObject(3, UUID.randomUUID());
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
    }

    private static JsonPath deliveries(String subscription) {
        return given().auth().oauth2(TestTokens.integration()).queryParam("size", 200)
                .when().get("/api/internal/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long failedAttempts(String subscription, String eventId, Integer status) {
        return deliveries(subscription).getList("items", Map.class).stream()
                .filter(d -> eventId.equals(d.get("eventId")) && !Boolean.TRUE.equals(d.get("delivered")))
                .filter(d -> java.util.Objects.equals(status, d.get("statusCode")))
                .count();
    }

    /** The ids among {@code mine} that reached the receiver for one subscription, in arrival order. */
    private static List<String> idsFor(HookReceiver receiver, String subscription, List<String> mine) {
        return receiver.accepted().stream()
                .filter(d -> subscription.equals(d.headers().get("X-Webhook-Subscription")))
                .map(HookReceiver.Delivery::id)
                .filter(mine::contains)
                .toList();
    }

    /**
     * Waits until the dispatcher has polled a few times since now and is not delivering to the subscription: anything
     * it was going to deliver by now has been delivered. No clock involved.
     */
    private void awaitDispatcherHadItsChance(String subscription) {
        UUID id = UUID.fromString(subscription);
        long target = dispatcher.polls() + 3;
        await().atMost(PATIENCE).until(() -> dispatcher.polls() >= target && !dispatcher.delivering(id));
    }
}
