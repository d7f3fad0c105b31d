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
import java.util.List;
import java.util.UUID;

import static cn.gov.partyaffairs.supervision.TestSupervision.get;
import static cn.gov.partyaffairs.supervision.TestSupervision.post;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A watched unit's lapse becomes its group's finding without anyone typing it, exactly once per lapse however the
 * event is delivered again, and the cure resolves it.
 */
@QuarkusTest
class AutomaticFindingsTest {

    private static final String DISCLOSURE = "cn.gov.partyaffairs.disclosure.";
    private static final String COMMITMENT = "cn.gov.partyaffairs.commitment.";

    @Inject
    TestClock clock;

    @BeforeEach
    void may2017() {
        clock.set(Instant.parse("2017-05-20T02:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aMissedDisclosureRaisesOneFindingPerLapseAndItsCureResolvesIt() {
        String admin = TestTokens.countyAdmin();
        String unit = TestSupervision.unit("亚鱼乡凉亭村党支部", LocalDate.parse("2017-03-01"));
        String group = TestSupervision.group("第六督促指导小组");
        TestSupervision.assign(unit, group, LocalDate.parse("2017-03-01")).statusCode(200);
        UUID obligation = UUID.randomUUID();
        String overdue = overdue(obligation, unit);

        // The same message twice, the same lapse under another message id, and once more under a higher version:
        // the consumer's own guards catch the first three, the lapse's identity the last.
        String eventId = UUID.randomUUID().toString();
        sendDisclosure(obligation, eventId, "DisclosureOverdue.v1", 1, overdue);
        sendDisclosure(obligation, eventId, "DisclosureOverdue.v1", 1, overdue);
        sendDisclosure(obligation, UUID.randomUUID().toString(), "DisclosureOverdue.v1", 1, overdue);
        sendDisclosure(obligation, UUID.randomUUID().toString(), "DisclosureOverdue.v1", 2, overdue);
        String findingId = await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, "/findings?unit=" + unit)
                .extract().<String>path("items[0].id"), id -> id != null);

        get(TestTokens.inspector(group), "/findings/" + findingId).statusCode(200)
                .body("source", equalTo("DISCLOSURE_LAPSE")).body("lapseId", equalTo(obligation.toString()))
                .body("status", equalTo("OPEN")).body("severity", equalTo("MAJOR"))
                .body("raisedOn", equalTo("2017-04-11")).body("deadline", equalTo("2017-04-26"))
                .body("responsible", equalTo("亚鱼乡凉亭村党支部书记"))
                .body("description", equalTo("党务公开逾期未发布：公开期 2017-03-01 至 2017-03-31，应于 2017-04-10 前公开"));

        sendDisclosure(obligation, UUID.randomUUID().toString(), "DisclosureLapseCured.v1", 3, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","periodStart":"2017-03-01",
                 "periodEnd":"2017-03-31","disclosureId":"%s","publishedAt":"2017-04-18T09:00:00+08:00"}"""
                .formatted(obligation, UUID.randomUUID(), unit, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(admin, "/findings/" + findingId)
                .body("status", equalTo("RESOLVED")).body("closedOn", equalTo("2017-04-18")));

        // Everything before the cure on this key was applied by now: still one finding, and one FindingRaised.
        get(admin, "/findings?unit=" + unit).body("total", equalTo(1));
        assertEquals(List.of("FindingRaised.v1", "FindingResolved.v1"), TestSupervision.eventTypes(findingId, 2));
        get(admin, "/findings/" + findingId).body("history.action", contains("RAISED", "RESOLVED"));
        // A resolved finding takes no more steps.
        post(TestTokens.clerk(unit), "/findings/" + findingId + "/rectification", """
                {"evidence":"已补发"}""").statusCode(409).body("currentState", equalTo("RESOLVED（已自动消除）"));
    }

    @Test
    void lapsesOfAUnitDesignatedLaterAreRaisedOnceAndFulfilmentResolvesThem() {
        String admin = TestTokens.countyAdmin();
        String organization = TestSupervision.organization("新店镇石板村党支部", "village-branch");
        UUID lights = UUID.randomUUID();
        UUID water = UUID.randomUUID();
        sendCommitment(lights, "CommitmentOverdue.v1", 3, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "title":"为村里安装路灯30盏","dueDate":"2017-04-30","progressPercent":60,
                 "detectedAt":"2017-05-01T09:00:00+08:00"}""".formatted(lights, organization));
        sendCommitment(water, "CommitmentOverdue.v1", 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "title":"维修人饮水池","dueDate":"2017-04-29","progressPercent":null,
                 "detectedAt":"2017-05-01T09:00:00+08:00"}""".formatted(water, organization));
        // Not watched yet: the lapses are kept, nobody gets a finding.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(admin, "/lapses?open=true&organization=" + organization)
                .body("total", equalTo(2)));
        get(admin, "/findings?unit=" + organization).body("total", equalTo(0));

        // Designating it raises both, dated the day it became watched.
        TestSupervision.designate(organization, LocalDate.parse("2017-05-10")).statusCode(201);
        String findingId = get(admin, "/findings?unit=" + organization + "&source=COMMITMENT_LAPSE").statusCode(200)
                .body("total", equalTo(2)).extract().path("items.find { it.lapseId == '" + lights + "' }.id");
        get(admin, "/findings/" + findingId)
                .body("raisedOn", equalTo("2017-05-10")).body("deadline", equalTo("2017-05-25"))
                .body("description", equalTo("为民办实事逾期未兑现：“为村里安装路灯30盏”，完成时限 2017-04-30，进度 60%"));

        // Withdrawn and designated again: the lapses already have their findings.
        post(admin, "/units/" + organization + "/withdraw", """
                {"reason":"调整示范单位"}""").statusCode(200);
        TestSupervision.designate(organization, LocalDate.parse("2017-05-20")).statusCode(201);
        get(admin, "/findings?unit=" + organization).body("total", equalTo(2));

        sendCommitment(lights, "CommitmentFulfilled.v1", 4, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "fulfilledOn":"2017-05-15","dueDate":"2017-04-30","onTime":false,"evidence":"路灯验收照片",
                 "fulfilledBy":"clerk","at":"2017-05-15T10:00:00+08:00"}""".formatted(lights, organization));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(admin, "/findings/" + findingId)
                .body("status", equalTo("RESOLVED")).body("closedOn", equalTo("2017-05-15")));
        assertEquals(List.of("FindingRaised.v1", "FindingResolved.v1"), TestSupervision.eventTypes(findingId, 2));
        get(admin, "/findings?unit=" + organization + "&status=OPEN").body("total", equalTo(1));
        get(admin, "/lapses?open=false&organization=" + organization).body("items.id", contains(lights.toString()));

        // The overdue water tank is withdrawn: no longer promised, its automatic finding closes with the reason.
        String waterFinding = get(admin, "/findings?unit=" + organization + "&source=COMMITMENT_LAPSE").statusCode(200)
                .extract().path("items.find { it.lapseId == '" + water + "' }.id");
        sendCommitment(water, "CommitmentWithdrawn.v1", 3, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "reason":"并入县级饮水工程统一实施","withdrawnBy":"clerk","at":"2017-05-18T10:00:00+08:00"}"""
                .formatted(water, organization));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(admin, "/findings/" + waterFinding)
                .body("status", equalTo("RESOLVED")).body("closedOn", equalTo("2017-05-18")));
        get(admin, "/findings?unit=" + organization + "&status=OPEN").body("total", equalTo(0));
    }

    private static String overdue(UUID obligation, String unit) {
        return """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","organizationType":"village-branch",
                 "periodStart":"2017-03-01","periodEnd":"2017-03-31","dueDate":"2017-04-10",
                 "detectedAt":"2017-04-11T09:00:00+08:00"}""".formatted(obligation, UUID.randomUUID(), unit);
    }

    private static void sendDisclosure(UUID obligation, String eventId, String type, long version, String body) {
        EventProbe.send("disclosure.events", obligation.toString(),
                EventProbe.cloudEvent(eventId, DISCLOSURE + type, obligation, version), body);
    }

    private static void sendCommitment(UUID commitment, String type, long version, String body) {
        EventProbe.send("commitment.events", commitment.toString(),
                EventProbe.cloudEvent(UUID.randomUUID().toString(), COMMITMENT + type, commitment, version), body);
    }
}
