package cn.gov.partyaffairs.supervision.finding;

import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestClock;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.supervision.TestSupervision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A disclosure's waiting step escalated to the county office (the disclosure service's DisclosureStepEscalated)
 * gives the unit that held the step one automatic finding; the escalation to the parent organization gives none.
 */
@QuarkusTest
class StepEscalationFindingTest {

    private static final String STEP = """
            {"disclosureId":"%s","deadlineId":"%s","organizationCode":"%s","scope":"PUBLIC","step":"SUBMITTED",
             "holderOrganizationCode":"%s","level":"%s","escalatedToOrganizationCode":%s,"enteredOn":"2026-09-29",
             "limitDate":"%s","at":"%sT08:00:00+08:00"}""";

    @Inject
    TestClock clock;

    @BeforeEach
    void october2026() {
        clock.set(Instant.parse("2026-10-14T02:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static void send(UUID disclosure, String eventId, long version, String body) {
        EventProbe.send("disclosure.events", disclosure.toString(), EventProbe.cloudEvent(eventId,
                "cn.gov.partyaffairs.disclosure.DisclosureStepEscalated.v1", disclosure, version), body);
    }

    @Test
    void theCountyOfficesEscalationRaisesOneFindingForTheUnitThatHeldTheStep() {
        String admin = TestTokens.countyAdmin();
        String township = TestSupervision.unit("朱家场镇党委", LocalDate.parse("2026-01-01"));
        String village = TestSupervision.organization("朱家场镇某村党支部", "village-branch");
        UUID disclosure = UUID.randomUUID();
        UUID deadline = UUID.randomUUID();

        send(disclosure, UUID.randomUUID().toString(), 4, STEP.formatted(disclosure, deadline, village, township,
                "PARENT_ORGANIZATION", "\"" + township + "\"", "2026-10-09", "2026-10-10"));
        String county = STEP.formatted(disclosure, deadline, village, township, "COUNTY_OFFICE", "null", "2026-10-13",
                "2026-10-14");
        String eventId = UUID.randomUUID().toString();
        send(disclosure, eventId, 5, county);
        send(disclosure, eventId, 5, county); // delivered twice
        send(disclosure, UUID.randomUUID().toString(), 6, county); // and again under another id: the same step

        String findingId = await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, "/findings?unit=" + township)
                .extract().<String>path("items[0].id"), id -> id != null);
        get(admin, "/findings/" + findingId).statusCode(200)
                .body("source", equalTo("DISCLOSURE_LAPSE")).body("lapseId", equalTo(deadline.toString()))
                .body("status", equalTo("OPEN")).body("raisedOn", equalTo("2026-10-14"))
                .body("description", equalTo("党务公开环节超时，已报县委党务公开办公室：" + village
                        + " 的公开事项已提交待审核，自 2026-09-29 起等待，已超过 2026-10-13 的时限"));
        // A step the county office held itself (an approval passed up to it) gives no unit a finding.
        send(disclosure, UUID.randomUUID().toString(), 7, """
                {"disclosureId":"%s","deadlineId":"%s","organizationCode":"%s","scope":"PUBLIC","step":"REVIEWED",
                 "holderOrganizationCode":null,"level":"COUNTY_OFFICE","escalatedToOrganizationCode":null,
                 "enteredOn":"2026-09-29","limitDate":"2026-10-13","at":"2026-10-14T08:00:00+08:00"}"""
                .formatted(disclosure, UUID.randomUUID(), township));
        // A later event on the same key proves the events above were applied (or skipped) by now.
        send(disclosure, UUID.randomUUID().toString(), 8, STEP.formatted(disclosure, UUID.randomUUID(), village,
                township, "PARENT_ORGANIZATION", "\"" + township + "\"", "2026-10-20", "2026-10-21"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(admin, "/lapses?organization=" + township).body("total", equalTo(1)));
        get(admin, "/findings?unit=" + township).body("total", equalTo(1));
        get(admin, "/findings?unit=" + village).body("total", equalTo(0));
    }
}
