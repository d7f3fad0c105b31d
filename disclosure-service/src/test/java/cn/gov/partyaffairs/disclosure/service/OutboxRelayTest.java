package cn.gov.partyaffairs.disclosure.service;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.KafkaTestResource;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.platform.outbox.OutboxRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox keeps what was written while Kafka was away, and the relay delivers it once Kafka is back. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void anOrganizationRegisteredWhileKafkaIsDownIsPublishedWhenKafkaIsBack() {
        String code = "K-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        KafkaTestResource.broker().stop();
        String id;
        try {
            id = given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + code + "\",\"name\":\"朱家场镇党委\",\"type\":\"township-committee\"}")
                    .when().post("/organizations")
                    .then().statusCode(201)
                    .extract().path("id");
            assertEquals(1, pending(), "the event waits in the outbox");
        } finally {
            KafkaTestResource.broker().start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);
        assertEquals(1, EventProbe.recordsWithKey("disclosure.events", id, 1).size());
    }

    private long pending() {
        return QuarkusTransaction.requiringNew().call(outbox::countPending);
    }
}
