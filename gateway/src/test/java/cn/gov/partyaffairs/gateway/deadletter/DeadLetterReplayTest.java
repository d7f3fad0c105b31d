package cn.gov.partyaffairs.gateway.deadletter;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event the read models refuse while "the bug" is there (a constraint that rejects one organization's code) is
 * parked on dlq.gateway, reaches the county admin's list with its origin and reason, and once the bug is fixed
 * (the constraint dropped) a replay publishes it again and the read models apply it, once; a rebuild afterwards
 * skips the parked record but applies the replayed copy.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String TYPE = TestEvents.DISCLOSURE + "OrganizationRegistered.v1";

    @Inject
    EntityManager em;

    @Test
    void aParkedEventIsListedAndAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        // While the group still shares out its partitions, a record being tried can be handed to a second consumer
        // that tries it again after the fix (at least once): the poison must come when the group is settled.
        UUID first = UUID.randomUUID();
        String firstCode = TestEvents.code("DL");
        TestEvents.organization(first, firstCode, "village-branch", null);
        TestEvents.await(() -> organizations(firstCode) == 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(DeadLetterReplayTest::groupSettled);
        UUID id = UUID.randomUUID();
        String code = TestEvents.code("DL");
        String constraint = "dead_letter_test_" + code.toLowerCase().replace('-', '_');
        sql("ALTER TABLE organization_view ADD CONSTRAINT " + constraint + " CHECK (code <> '" + code + "') NOT VALID");
        String eventId = UUID.randomUUID().toString();
        JsonPath parked;
        try {
            EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(eventId, TYPE, id, 1), """
                    {"organizationId":"%s","code":"%s","name":"死信测试","type":"village-branch","parentCode":null,
                     "cadenceMonths":1,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                    .formatted(id, code));
            parked = awaitListed(eventId);
        } finally {
            sql("ALTER TABLE organization_view DROP CONSTRAINT IF EXISTS " + constraint); // the fix
        }

        assertEquals("gateway", parked.getString("service"));
        assertEquals("dlq.gateway", parked.getString("deadLetterTopic"));
        assertEquals("disclosure.events", parked.getString("originalTopic"));
        assertNotNull(parked.get("originalPartition"));
        assertNotNull(parked.get("originalOffset"));
        assertEquals(TYPE, parked.getString("eventType"));
        assertEquals(id.toString(), parked.getString("aggregateId"));
        assertTrue(parked.getString("reason").contains("23514"), "the reason names the refusal: " + parked.getString("reason"));
        assertFalse(parked.getBoolean("replayed"));
        assertEquals(null, parked.getString("replayOf"), "the original, not a copy");
        assertEquals(0L, organizations(code), "parked, so not applied");
        long deadLetter = parked.getLong("id");

        // Only the county admin reads and replays.
        given().auth().oauth2(TestTokens.clerk("YP-V001")).when().get("/api/v1/internal/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.clerk("YP-V001")).when().post("/api/v1/internal/dead-letters/" + deadLetter + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.inspector("YP-G01")).when().get("/api/v1/internal/dead-letters").then().statusCode(403);
        given().when().get("/api/v1/internal/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/v1/internal/dead-letters/999999999/replay")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/v1/internal/dead-letters/" + deadLetter + "/replay")
                .then().statusCode(200).body("replayed", equalTo(true)).body("replayCount", equalTo(1));

        // The copy on the original topic: same key, value and CloudEvent id, naming the parked record it replays.
        var copies = EventProbe.recordsWithKey("disclosure.events", id.toString(), 2);
        assertEquals(2, copies.size());
        var copy = copies.get(1);
        assertEquals(eventId, EventProbe.header(copy, "ce_id"));
        assertEquals(copies.get(0).value(), copy.value());
        assertEquals("dlq.gateway/" + parked.getInt("deadLetterPartition") + "/" + parked.getLong("deadLetterOffset"),
                EventProbe.header(copy, DeadLetters.REPLAY_OF));
        assertEquals(null, EventProbe.header(copy, "dead-letter-reason"));

        TestEvents.await(() -> organizations(code) == 1);
        // Replayed again by mistake: the copy is a duplicate by its id; once the group has read it, still applied once.
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/v1/internal/dead-letters/" + deadLetter + "/replay")
                .then().statusCode(200).body("replayCount", equalTo(2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> lag("disclosure.events") == 0);
        assertEquals(1L, organizations(code));
        assertEquals(1L, count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'"));

        // A rebuild passes over the parked record by its position and applies the replayed copy.
        Map<?, ?> live = digest();
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/v1/internal/admin/rebuild").then().statusCode(200);
        assertEquals(live, digest());
        assertEquals(1L, organizations(code));

        JsonPath listed = given().auth().oauth2(TestTokens.countyAdmin()).queryParam("replayed", true)
                .queryParam("service", "gateway").when().get("/api/v1/internal/dead-letters")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(listed.getList("items.eventId").contains(eventId));
        assertEquals(2L, count("SELECT count(*) FROM audit_entry WHERE action = 'DeadLetterReplayed' AND subject = '"
                + eventId + "'"), "each replay is audited");
    }

    /** Replayed before any fix, it is parked again: a new row naming the record it copies. */
    @Test
    void aReplayThatFailsAgainIsParkedAgainNamingTheRecordItCopies() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(eventId, TYPE, id, 1), "{ not json");
        JsonPath first = awaitListed(eventId);
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/v1/internal/dead-letters/" + first.getLong("id") + "/replay")
                .then().statusCode(200);
        String origin = "dlq.gateway/" + first.getInt("deadLetterPartition") + "/" + first.getLong("deadLetterOffset");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(TestTokens.countyAdmin()).queryParam("replayed", false).queryParam("size", 200)
                        .when().get("/api/v1/internal/dead-letters").then().statusCode(200).extract().jsonPath()
                        .getList("items.replayOf").contains(origin));
    }

    @Test
    void badPagesAreProblemsInChinese() {
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("size", 0).when().get("/api/v1/internal/dead-letters")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath awaitListed(String eventId) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath page = given().auth().oauth2(TestTokens.countyAdmin()).queryParam("service", "gateway")
                    .queryParam("size", 200).when().get("/api/v1/internal/dead-letters")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (eventId.equals(items.get(i).get("eventId"))) {
                    found[0] = page.setRootPath("items[" + i + "]");
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private long organizations(String code) {
        return count("SELECT count(*) FROM organization_view WHERE code = '" + code + "'");
    }

    private static Map<?, ?> digest() {
        return given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/v1/internal/admin/read-model/digest")
                .then().statusCode(200).extract().as(Map.class);
    }

    /** The read models' group is stable and every partition of disclosure.events has its consumer. */
    private static boolean groupSettled() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var group = admin.describeConsumerGroups(List.of("gateway")).all().get().get("gateway");
            int partitions = admin.describeTopics(List.of("disclosure.events")).allTopicNames().get()
                    .get("disclosure.events").partitions().size();
            long assigned = group.members().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                    .filter(p -> p.topic().equals("disclosure.events")).distinct().count();
            return group.groupState() == org.apache.kafka.common.GroupState.STABLE && assigned == partitions;
        }
    }

    /** How many records of the topic the gateway's read-model group has not committed yet. */
    private static long lag(String topic) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("gateway")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }
}
