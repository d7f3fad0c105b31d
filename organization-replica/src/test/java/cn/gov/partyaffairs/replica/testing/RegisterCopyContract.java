package cn.gov.partyaffairs.replica.testing;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that uses this module keeps its own copy of the register from the disclosure service's events: the
 * service's test extends this as a {@code @QuarkusTest} (the class itself starts nothing). Shipped in this module's
 * test-jar, which holds only this package.
 */
public abstract class RegisterCopyContract {

    @Test
    public void aRegisteredOrganizationBecomesKnownOnce() {
        UUID id = UUID.randomUUID();
        String code = "C-" + id.toString().substring(0, 8).toUpperCase();
        String eventId = UUID.randomUUID().toString();
        String body = """
                {"organizationId":"%s","code":"%s","name":"大龙镇党委","type":"township-committee","parentCode":null,
                 "cadenceMonths":1,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(id, code);
        var headers = EventProbe.cloudEvent(eventId, "cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1", id, 1);
        EventProbe.send("disclosure.events", id.toString(), headers, body);
        EventProbe.send("disclosure.events", id.toString(), headers, body);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.countyAdmin())
                .when().get("/organizations/" + code)
                .then().statusCode(200).body("name", equalTo("大龙镇党委")).body("cadenceMonths", equalTo(1)));
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/organizations")
                .then().statusCode(200).body("findAll { it.code == '" + code + "' }.size()", equalTo(1));
    }

    @Test
    public void readingTheCopyNeedsAToken() {
        given().when().get("/organizations").then().statusCode(401);
    }
}
