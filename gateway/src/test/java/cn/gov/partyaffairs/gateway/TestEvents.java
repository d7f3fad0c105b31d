package cn.gov.partyaffairs.gateway;

import cn.gov.partyaffairs.infra.EventProbe;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;


/** Events delivered to the gateway as the services would send them. */
public final class TestEvents {

    public static final String DISCLOSURE = "cn.gov.partyaffairs.disclosure.";
    public static final String COMMITMENT = "cn.gov.partyaffairs.commitment.";

    private TestEvents() {
    }

    public static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Sends one event of the suite; {@code type} like {@code disclosure.DisclosurePublished}. */
    public static void send(String type, UUID aggregateId, long version, String json) {
        String topic = type.startsWith("disclosure.") ? "disclosure.events"
                : type.startsWith("commitment.") ? "commitment.events" : "supervision.events";
        EventProbe.send(topic, aggregateId.toString(), EventProbe.cloudEvent(UUID.randomUUID().toString(),
                "cn.gov.partyaffairs." + type + ".v1", aggregateId, version), json);
    }

    public static void organization(UUID id, String code, String type, String parent) {
        send("disclosure.OrganizationRegistered", id, 1, """
                {"organizationId":"%s","code":"%s","name":"测试%s","type":"%s","parentCode":%s,"cadenceMonths":1,
                 "registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(id, code, code, type, parent == null ? "null" : "\"" + parent + "\""));
    }

    public static String published(UUID id, String organization, String scope, String title, String period, int contentVersion) {
        return """
                {"disclosureId":"%s","organizationCode":"%s","scope":"%s","itemCodes":["C8-01","C7-01"],"title":"%s",
                 "body":"一、本期重点工作；二、惠民资金发放情况。","periodStart":"%s-01","periodEnd":"%s-28",
                 "channels":["disclosure-board"],"contentVersion":%d,"publishedBy":"clerk","at":"%s-28T09:00:00+08:00"}"""
                .formatted(id, organization, scope, title, period, period, contentVersion, period);
    }

    /**
     * The cadence engine's outcome for one period ({@code ComplianceOutcomeRecorded}), as version {@code version} of
     * the period's outcome aggregate.
     */
    public static void outcome(String organization, String type, String start, String end, String outcome, boolean due,
                               String exemptionReason, long version) {
        UUID obligation = UUID.nameUUIDFromBytes(("obligation:" + organization + start).getBytes());
        send("disclosure.ComplianceOutcomeRecorded",
                cn.gov.partyaffairs.contracts.disclosure.ComplianceOutcomeRecorded.outcomeId(obligation), version, """
                {"obligationId":"%s","organizationId":"%s","organizationCode":"%s","organizationType":"%s",
                 "periodStart":"%s","periodEnd":"%s","dueDate":"%s","outcome":"%s","due":%s,"exemptionReason":%s,
                 "disclosureId":null,"publishedAt":null,"at":"2017-06-01T00:00:00+08:00"}"""
                .formatted(obligation, UUID.randomUUID(), organization, type, start, end, end, outcome, due,
                        exemptionReason == null ? "null" : "\"" + exemptionReason + "\""));
    }

    public static void await(Supplier<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition::get);
    }
}
