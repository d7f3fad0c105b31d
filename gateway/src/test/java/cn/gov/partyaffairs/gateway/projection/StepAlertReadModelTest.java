package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A waiting step's reminder and escalations (the disclosure service's decision) in the read model: the console's
 * queue reads them from /step-alerts for the officials concerned, the event log keeps them for officials only, and
 * the alert goes when the disclosure moves on.
 */
@QuarkusTest
class StepAlertReadModelTest {

    @Inject
    EntityManager em;

    private static final String STEP = """
            {"disclosureId":"%s","deadlineId":"%s","organizationCode":"%s","scope":"PUBLIC","step":"SUBMITTED",
             "holderOrganizationCode":"%s",%s"enteredOn":"2026-09-29","limitDate":"%s","at":"%sT08:00:00+08:00"}""";

    private static String alertOf(String token, UUID disclosure) {
        List<String> alerts = given().auth().oauth2(token).when().get("/api/v1/internal/step-alerts").then()
                .statusCode(200).extract().path("findAll { it.disclosureId == '" + disclosure + "' }.alert");
        return alerts.isEmpty() ? null : alerts.get(0);
    }

    @Test
    void anEscalationShowsToTheOfficialsConcernedUntilTheDisclosureMovesOn() {
        String township = TestEvents.code("T");
        String village = TestEvents.code("V");
        UUID disclosure = UUID.randomUUID();
        UUID deadline = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosureStepReminded", disclosure, 3, STEP.formatted(disclosure, deadline, village,
                township, "\"limitWorkingDays\":3,", "2026-10-09", "2026-10-08"));
        TestEvents.send("disclosure.DisclosureStepEscalated", disclosure, 4, STEP.formatted(disclosure, deadline, village,
                township, "\"level\":\"PARENT_ORGANIZATION\",\"escalatedToOrganizationCode\":\"" + township + "\",",
                "2026-10-09", "2026-10-10"));
        TestEvents.send("disclosure.DisclosureStepEscalated", disclosure, 5, STEP.formatted(disclosure, deadline, village,
                township, "\"level\":\"COUNTY_OFFICE\",\"escalatedToOrganizationCode\":null,", "2026-10-13", "2026-10-14"));
        TestEvents.await(() -> "COUNTY_OFFICE".equals(alertOf(TestTokens.countyAdmin(), disclosure)));

        assertEquals("COUNTY_OFFICE", alertOf(TestTokens.clerk(township), disclosure), "the holder sees it");
        assertEquals("COUNTY_OFFICE", alertOf(TestTokens.clerk(village), disclosure), "the organization sees it");
        assertEquals(null, alertOf(TestTokens.clerk(TestEvents.code("X")), disclosure), "another organization does not");
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/v1/internal/step-alerts").then()
                .body("find { it.disclosureId == '" + disclosure + "' }.limitDate", equalTo("2026-10-13"))
                .body("find { it.disclosureId == '" + disclosure + "' }.step", equalTo("SUBMITTED"));

        // Officials only: every one of the three is logged INTERNAL, never on the public stream or webhooks.
        List<?> audiences = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT DISTINCT audience FROM event_log WHERE subject = ?1 AND type LIKE '%DisclosureStep%'")
                .setParameter(1, disclosure).getResultList());
        assertEquals(List.of("INTERNAL"), audiences.stream().map(String::valueOf).toList());

        // Reviewed at last: the alert of the submitted step goes.
        TestEvents.send("disclosure.DisclosureReviewed", disclosure, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reviewedBy":"%s",
                 "checks":["SECRECY","NECESSITY","ACCURACY"],"at":"2026-10-15T09:00:00+08:00"}"""
                .formatted(disclosure, village, "clerk"));
        TestEvents.await(() -> alertOf(TestTokens.countyAdmin(), disclosure) == null);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/v1/internal/step-alerts").then()
                .body("disclosureId", not(hasItem(disclosure.toString())));
    }
}
