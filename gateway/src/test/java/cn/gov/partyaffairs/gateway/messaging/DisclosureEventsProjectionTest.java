package cn.gov.partyaffairs.gateway.messaging;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model applies each event once, ignores versions it has passed, and parks what it can never apply (and a
 * rebuild passes over what was parked).
 */
@QuarkusTest
class DisclosureEventsProjectionTest {

    private static final String TYPE = "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1";

    private static String organization(UUID id, String code, String name) {
        return """
                {"organizationId":"%s","code":"%s","name":"%s","type":"village-branch","parentCode":null,
                 "cadenceMonths":2,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(id, code, name);
    }

    private static String code() {
        return "G-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static long organizationsFigure() {
        Number value = given().when().get("/api/public/statistics").then().statusCode(200)
                .extract().path("organizations");
        return value == null ? 0 : value.longValue();
    }

    private static void awaitListed(String code) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .queryParam("q", code).when().get("/api/public/organizations")
                .then().statusCode(200).body("total", equalTo(1)));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        long before = organizationsFigure();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String code = code();
        String body = organization(id, code, "鱼塘村党支部");
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(eventId, TYPE, id, 1), body);
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(eventId, TYPE, id, 1), body);
        // A marker after both copies: once it is applied, so are the two before it (same partition, in order).
        UUID markerId = UUID.randomUUID();
        String marker = code();
        EventProbe.send("disclosure.events", markerId.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, markerId, 1), organization(markerId, marker, "标记"));
        awaitListed(marker);

        awaitListed(code);
        assertEquals(before + 2, organizationsFigure(), "the duplicate moved no figure");
    }

    @Test
    void aVersionAlreadyPassedIsIgnored() {
        UUID id = UUID.randomUUID();
        String code = code();
        EventProbe.send("disclosure.events", id.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, id, 2), organization(id, code, "新名称"));
        EventProbe.send("disclosure.events", id.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, id, 1), organization(id, code, "旧名称"));
        UUID markerId = UUID.randomUUID();
        String marker = code();
        EventProbe.send("disclosure.events", markerId.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, markerId, 1), organization(markerId, marker, "标记"));
        awaitListed(marker);

        given().when().get("/api/public/organizations/" + code)
                .then().statusCode(200).body("organization.name", equalTo("新名称"));
    }

    @Test
    void aMessageThatCanNeverBeAppliedGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        UUID id = UUID.randomUUID();
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, id, 1),
                "{ this is not json");
        var parked = EventProbe.recordsWithKey("dlq.gateway", id.toString(), 1);
        assertEquals(1, parked.size());
        assertTrue(EventProbe.header(parked.get(0), "dead-letter-reason").contains("not a CloudEvent of this suite"),
                "the reason travels with the parked record");
        assertEquals("disclosure.events", EventProbe.header(parked.get(0), "dead-letter-topic"));

        UUID next = UUID.randomUUID();
        String code = code();
        EventProbe.send("disclosure.events", next.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, next, 1), organization(next, code, "下一个"));
        awaitListed(code);
    }

    /**
     * A well-formed event that the read model refuses on every try (here a code longer than any organization code,
     * which the schema rejects) is tried a few times, then parked with the reason; the events after it are applied
     * and the gateway's group catches up with the topic.
     */
    @Test
    void anEventTheReadModelRefusesOnEveryTryIsParkedWithTheReasonAndTheConsumerGoesOn() throws Exception {
        UUID id = UUID.randomUUID();
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, id, 1),
                organization(id, "G-" + "X".repeat(60), "编码过长"));
        UUID next = UUID.randomUUID();
        String code = code();
        EventProbe.send("disclosure.events", next.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, next, 1), organization(next, code, "之后的"));

        var parked = EventProbe.recordsWithKey("dlq.gateway", id.toString(), 1);
        assertEquals(1, parked.size());
        String reason = EventProbe.header(parked.get(0), "dead-letter-reason");
        assertTrue(reason.contains("22001"), "the reason names what the database refused: " + reason);
        awaitListed(code);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> lag("disclosure.events") == 0);

        // A rebuild skips the parked event as the live consumer did, instead of failing on it, and ends where live is.
        Map<?, ?> live = digest();
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/internal/admin/rebuild").then().statusCode(200);
        assertEquals(live, digest());
        awaitListed(code);
    }

    private static Map<?, ?> digest() {
        return given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/internal/admin/read-model/digest")
                .then().statusCode(200).extract().as(Map.class);
    }

    /** How many records of the topic the gateway's consumer group has not committed yet. */
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

    @Test
    void updatesAndDeactivationFollowTheRegistration() {
        UUID id = UUID.randomUUID();
        String code = code();
        EventProbe.send("disclosure.events", id.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), TYPE, id, 1), organization(id, code, "旧名称"));
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs.disclosure.OrganizationUpdated.v1", id, 2), """
                {"organizationId":"%s","code":"%s","name":"新名称","type":"community-branch","parentCode":null,
                 "cadenceMonths":1,"updatedAt":"2017-06-01T09:30:00+08:00","updatedBy":"admin"}""".formatted(id, code));
        EventProbe.send("disclosure.events", id.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs.disclosure.OrganizationDeactivated.v1", id, 3), """
                {"organizationId":"%s","code":"%s","reason":"合并","deactivatedAt":"2017-12-01T09:30:00+08:00",
                 "deactivatedBy":"admin"}""".formatted(id, code));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/public/organizations/" + code)
                .then().statusCode(200).body("organization.name", equalTo("新名称")).body("organization.type", equalTo("community-branch"))
                .body("organization.active", equalTo(false)));
    }
}
