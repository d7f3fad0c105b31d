package cn.gov.partyaffairs.disclosure.disclosures;

import cn.gov.partyaffairs.disclosure.TestOrganizations;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four-step workflow on the real database and broker: every step, every refusal, one event per step. */
@QuarkusTest
class DisclosureWorkflowTest {

    private static final String PROBLEM = "application/problem+json";

    private String township;
    private String village;
    private String otherVillage;

    @BeforeEach
    void organizations() {
        township = TestOrganizations.code();
        TestOrganizations.register(township, "township-committee", null);
        village = TestOrganizations.code();
        TestOrganizations.register(village, "village-branch", township);
        String otherTownship = TestOrganizations.code();
        TestOrganizations.register(otherTownship, "township-committee", null);
        otherVillage = TestOrganizations.code();
        TestOrganizations.register(otherVillage, "village-branch", otherTownship);
    }

    private static String content(String organization, String scope, String items, String channels, OffsetDateTime planned) {
        return """
                {"organizationCode":"%s","itemCodes":[%s],"title":"2017年3-4月党务公开","body":"为民办实事：道路硬化2公里。",
                 "periodStart":"2017-03-01","periodEnd":"2017-04-30","scope":"%s","plannedChannels":[%s],
                 "plannedPublicationAt":"%s"}""".formatted(organization, items, scope, channels, planned);
    }

    private String publicDraft() {
        return content(village, "PUBLIC", "\"C8-01\",\"C8-03\"", "\"disclosure-board\",\"county-website\"",
                OffsetDateTime.now().minusHours(1));
    }

    private String draft(String body) {
        return given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON).body(body)
                .when().post("/disclosures")
                .then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    private static ValidatableResponse step(String token, String id, String action, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/disclosures/" + id + "/" + action).then();
    }

    private static final String ATTEST = "{\"attestNoSecrets\":true}";
    /** A second county admin: the county office's approver, another person than the admin who reviews. */
    private static final String APPROVER = TestTokens.countyAdmin("approver");
    private static final String REVIEW = "{\"secrecyChecked\":true,\"necessary\":true,\"accurate\":true}";

    @Test
    void draftSubmitReviewApprovePublishCorrectWithdrawEachEmitOneEvent() {
        String clerk = TestTokens.clerk(village);
        String parent = TestTokens.clerk(township);
        String id = draft(publicDraft());
        step(clerk, id, "submit", ATTEST).statusCode(200).body("status", equalTo("SUBMITTED"));
        step(parent, id, "review", REVIEW).statusCode(200).body("status", equalTo("REVIEWED"));
        step(APPROVER, id, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\",\"county-website\"]}")
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("contentVersion", equalTo(1))
                .header("Aggregate-Version", "5");
        step(clerk, id, "correct", "{\"title\":\"2017年3-4月党务公开（更正）\",\"body\":\"道路硬化2.5公里。\",\"reason\":\"更正里程\"}")
                .statusCode(200).body("contentVersion", equalTo(2)).body("revisions", hasSize(2))
                .body("revisions[0].body", equalTo("为民办实事：道路硬化2公里。"))
                .body("revisions[1].reason", equalTo("更正里程"));
        step(clerk, id, "withdraw", "{\"reason\":\"与上级公示重复\"}")
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("withdrawnReason", equalTo("与上级公示重复"))
                .body("steps.action", equalTo(List.of("DRAFT", "SUBMIT", "REVIEW", "APPROVE", "PUBLISH", "CORRECT", "WITHDRAW")));

        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("disclosure.events", id, 7);
        assertEquals(List.of("DisclosureDrafted", "DisclosureSubmitted", "DisclosureReviewed", "DisclosureApproved",
                        "DisclosurePublished", "DisclosureCorrected", "DisclosureWithdrawn"),
                events.stream().map(r -> EventProbe.header(r, "ce_type")
                        .replace("cn.gov.partyaffairs.disclosure.", "").replace(".v1", "")).toList());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"),
                events.stream().map(r -> EventProbe.header(r, "ce_aggregateversion")).toList());
        // The audit trail's who: each event carries the account of the clerk, reviewer or approver who caused it.
        String clerkAccount = "clerk-" + village.toLowerCase();
        String reviewer = "clerk-" + township.toLowerCase();
        assertEquals(List.of(clerkAccount, clerkAccount, reviewer, "approver", clerkAccount, clerkAccount, clerkAccount),
                events.stream().map(r -> EventProbe.header(r, "ce_actor")).toList());
        assertEquals(List.of("PERSON"), events.stream().map(r -> EventProbe.header(r, "ce_actorkind")).distinct().toList());
        assertTrue(events.get(2).value().contains("\"checks\":[\"SECRECY\",\"NECESSITY\",\"ACCURACY\"]"),
                "the review records its three checks: " + events.get(2).value());
    }

    @Test
    void aReviewerSendsItBackWithReasonsAndTheClerkEditsAndResubmits() {
        String clerk = TestTokens.clerk(village);
        String id = draft(publicDraft());
        step(clerk, id, "submit", ATTEST).statusCode(200);
        step(TestTokens.countyAdmin(), id, "return", "{\"reason\":\"请补充资金使用明细\"}")
                .statusCode(200).body("status", equalTo("RETURNED"))
                .body("steps[2].reason", equalTo("请补充资金使用明细"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(publicDraft().replace("道路硬化2公里。", "道路硬化2公里，资金12万元。"))
                .when().put("/disclosures/" + id)
                .then().statusCode(200).body("status", equalTo("RETURNED")).body("body", equalTo("为民办实事：道路硬化2公里，资金12万元。"));
        step(clerk, id, "submit", ATTEST).statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void beyondItsAuthorityTheParentEscalatesAndOnlyTheCountyOfficeApproves() {
        String parent = TestTokens.clerk(township);
        String id = draft(publicDraft());
        step(TestTokens.clerk(village), id, "submit", ATTEST).statusCode(200);
        step(parent, id, "review", REVIEW).statusCode(200);
        step(parent, id, "escalate", "{\"reason\":\"涉及村级重大资金安排\"}").statusCode(200).body("escalated", equalTo(true));
        step(parent, id, "approve", null).statusCode(403).contentType(PROBLEM);
        step(TestTokens.countyAdmin(), id, "escalate", "{\"reason\":\"x\"}").statusCode(409).contentType(PROBLEM);
        step(TestTokens.countyAdmin(), id, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void fourEyesNobodyReviewsWhatTheyWroteNorApprovesWhatTheyReviewedNotEvenTheCountyAdmin() {
        String admin = TestTokens.countyAdmin();
        String clerk = TestTokens.clerk(village);
        String parent = TestTokens.clerk(township);

        // The county admin drafts for the village (and may): then not the admin's review.
        String written = given().auth().oauth2(admin).contentType(ContentType.JSON).body(publicDraft())
                .when().post("/disclosures").then().statusCode(201).extract().path("id");
        step(admin, written, "submit", ATTEST).statusCode(200);
        step(admin, written, "review", REVIEW).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:four-eyes"))
                .body("title", containsString("四眼原则"))
                .body("detail", containsString("不能再审核"));
        step(admin, written, "approve", null).statusCode(409); // not reviewed yet: the state says so first
        step(parent, written, "review", REVIEW).statusCode(200);
        step(admin, written, "approve", null).statusCode(403).body("type", equalTo("urn:partyaffairs:problem:four-eyes"))
                .body("detail", containsString("不能再审批"));
        step(APPROVER, written, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));

        // The reviewer does not approve: neither the parent's clerk nor the county admin.
        String byParent = draft(publicDraft());
        step(clerk, byParent, "submit", ATTEST).statusCode(200);
        step(parent, byParent, "review", REVIEW).statusCode(200);
        step(parent, byParent, "approve", null).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:four-eyes"))
                .body("detail", containsString("审核与审批须由不同的人"));
        String byAdmin = draft(publicDraft());
        step(clerk, byAdmin, "submit", ATTEST).statusCode(200);
        step(admin, byAdmin, "review", REVIEW).statusCode(200);
        step(admin, byAdmin, "approve", null).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:four-eyes"))
                .body("detail", containsString("县级管理员也不例外"));
        given().auth().oauth2(admin).when().get("/disclosures/" + byAdmin).then().body("status", equalTo("REVIEWED"));

        // Sent back and submitted again, it is a new review: whoever reviewed the last round may now approve.
        step(admin, byAdmin, "return", "{\"reason\":\"请补充金额\"}").statusCode(200);
        step(clerk, byAdmin, "submit", ATTEST).statusCode(200);
        step(APPROVER, byAdmin, "review", REVIEW).statusCode(200);
        step(APPROVER, byAdmin, "approve", null).statusCode(403);
        step(admin, byAdmin, "approve", null).statusCode(200);
    }

    @Test
    void threeDifferentPeopleWalkItAndEachStepNamesItsPerson() {
        String clerk = TestTokens.clerk(village);
        String id = draft(publicDraft());
        step(clerk, id, "submit", ATTEST).statusCode(200);
        step(TestTokens.clerk(township), id, "review", REVIEW).statusCode(200);
        step(APPROVER, id, "approve", null).statusCode(200);
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}").statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("steps.action", equalTo(List.of("DRAFT", "SUBMIT", "REVIEW", "APPROVE", "PUBLISH")))
                .body("steps.actor", equalTo(List.of("clerk-" + village.toLowerCase(), "clerk-" + village.toLowerCase(),
                        "clerk-" + township.toLowerCase(), "approver", "clerk-" + village.toLowerCase())));
    }

    @Test
    void illegalTransitionsAre409NamingTheCurrentState() {
        String clerk = TestTokens.clerk(village);
        String admin = TestTokens.countyAdmin();
        String id = draft(publicDraft());
        step(admin, id, "approve", null).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:illegal-transition")).body("currentState", equalTo("DRAFT"));
        step(admin, id, "review", REVIEW).statusCode(409).body("currentState", equalTo("DRAFT"));
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}").statusCode(409).body("currentState", equalTo("DRAFT"));
        step(clerk, id, "correct", "{\"title\":\"t\",\"body\":\"b\",\"reason\":\"r\"}").statusCode(409);
        step(clerk, id, "withdraw", "{\"reason\":\"r\"}").statusCode(409);
        step(clerk, id, "submit", ATTEST).statusCode(200);
        step(clerk, id, "submit", ATTEST).statusCode(409).body("currentState", equalTo("SUBMITTED"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON).body(publicDraft())
                .when().put("/disclosures/" + id).then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
        step(admin, id, "approve", null).statusCode(409).body("currentState", equalTo("SUBMITTED"));
        step(admin, id, "escalate", "{\"reason\":\"r\"}").statusCode(409);
        step(admin, id, "review", REVIEW).statusCode(200);
        step(APPROVER, id, "approve", null).statusCode(200);
        step(admin, id, "return", "{\"reason\":\"r\"}").statusCode(409).body("currentState", equalTo("APPROVED"));
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}").statusCode(200);
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}").statusCode(409).body("currentState", equalTo("PUBLISHED"));
        step(clerk, id, "withdraw", "{\"reason\":\"r\"}").statusCode(200);
        step(clerk, id, "withdraw", "{\"reason\":\"r\"}").statusCode(409).body("currentState", equalTo("WITHDRAWN"));
        step(clerk, id, "correct", "{\"title\":\"t\",\"body\":\"b\",\"reason\":\"r\"}").statusCode(409).body("currentState", equalTo("WITHDRAWN"));
    }

    @Test
    void aClerkActsForTheirOwnOrganizationOnlyAndApproversWithinTheirAuthority() {
        String id = draft(publicDraft());
        String stranger = TestTokens.clerk(otherVillage);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(publicDraft())
                .when().post("/disclosures").then().statusCode(403).contentType(PROBLEM);
        step(stranger, id, "submit", ATTEST).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(stranger).when().get("/disclosures/" + id).then().statusCode(403);
        step(TestTokens.clerk(village), id, "submit", ATTEST).statusCode(200);
        step(TestTokens.clerk(village), id, "review", REVIEW).statusCode(403).contentType(PROBLEM);
        step(stranger, id, "review", REVIEW).statusCode(403);
        step(TestTokens.departmentHead("YP-D-TRANSPORT"), id, "review", REVIEW).statusCode(403);
        given().auth().oauth2(stranger).queryParam("organization", village).when().get("/disclosures")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.clerk(township)).queryParam("organization", village).when().get("/disclosures")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void submittingNeedsTheNoSecretsAttestation() {
        String id = draft(publicDraft());
        step(TestTokens.clerk(village), id, "submit", "{\"attestNoSecrets\":false}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("attestNoSecrets"));
        step(TestTokens.clerk(village), id, "submit", "{}").statusCode(400).body("errors[0].field", equalTo("attestNoSecrets"));
    }

    @Test
    void partyInternalItemsNeverGoPublicAndInternalDisclosuresUseNoPublicChannel() {
        String clerk = TestTokens.clerk(village);
        OffsetDateTime past = OffsetDateTime.now().minusHours(1);
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(content(village, "PUBLIC", "\"C6-02\"", "\"disclosure-board\"", past))
                .when().post("/disclosures").then().statusCode(400).body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(clerk).contentType(ContentType.JSON)
                .body(content(village, "PARTY_WIDE", "\"C6-02\"", "\"county-website\"", past))
                .when().post("/disclosures").then().statusCode(400).body("errors[0].field", equalTo("plannedChannels"));
        String id = draft(content(village, "PARTY_WIDE", "\"C6-02\"", "\"meeting\"", past));
        step(clerk, id, "submit", ATTEST).statusCode(200);
        step(TestTokens.countyAdmin(), id, "review", REVIEW).statusCode(200);
        step(APPROVER, id, "approve", null).statusCode(200);
        step(clerk, id, "publish", "{\"channels\":[\"new-media\"]}").statusCode(400).body("errors[0].field", equalTo("channels"));
        step(clerk, id, "publish", "{\"channels\":[\"meeting\"]}").statusCode(200);

        var events = EventProbe.recordsWithKey("disclosure.events", id, 5);
        assertEquals(5, events.size());
        events.forEach(e -> assertEquals(true, e.value().contains("\"scope\":\"PARTY_WIDE\""), e.value()));
    }

    @Test
    void publicationWaitsForThePlannedTime() {
        String clerk = TestTokens.clerk(village);
        String id = draft(content(village, "PUBLIC", "\"C8-01\"", "\"disclosure-board\"", OffsetDateTime.now().plusDays(3)));
        step(clerk, id, "submit", ATTEST).statusCode(200);
        step(TestTokens.countyAdmin(), id, "review", REVIEW).statusCode(200);
        step(APPROVER, id, "approve", null).statusCode(200);
        step(clerk, id, "publish", "{\"channels\":[\"disclosure-board\"]}").statusCode(409)
                .body("type", equalTo("urn:partyaffairs:problem:before-planned-time"));
    }

    @Test
    void badContentIsA400NamingTheFields() {
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON)
                .body("{\"organizationCode\":\"" + village + "\",\"itemCodes\":[],\"title\":\"\",\"scope\":\"SECRET\"}")
                .when().post("/disclosures").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("scope"));
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON)
                .body(content(village, "PUBLIC", "\"C99-01\"", "\"disclosure-board\"", OffsetDateTime.now()))
                .when().post("/disclosures").then().statusCode(400).body("errors[0].field", equalTo("itemCodes"));
        given().auth().oauth2(TestTokens.clerk(village)).contentType(ContentType.JSON)
                .body(publicDraft().replace("2017-04-30", "2017-02-01"))
                .when().post("/disclosures").then().statusCode(400).body("errors[0].field", equalTo("periodEnd"));
    }

    @Test
    void theCatalogHasNineCategoriesAnd57Items() {
        given().when().get("/catalog").then().statusCode(200)
                .body("size()", equalTo(9))
                .body("collectMany { it.items }.size()", equalTo(57))
                .body("find { it.code == 'C6' }.items.find { it.code == 'C6-02' }.scope", equalTo("PARTY_WIDE"));
    }
}
