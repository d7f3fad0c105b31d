package cn.gov.partyaffairs.gateway.projection;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commitments from their events, with the timeline, ratings and the dashboard counters moved event by event. */
@QuarkusTest
class CommitmentReadModelTest {

    private static JsonPath practicalThings() {
        return given().when().get("/api/public/statistics").then().statusCode(200).extract().jsonPath()
                .setRootPath("commitments.PRACTICAL_THING");
    }

    private static long figure(JsonPath figures, String name) {
        Number value = figures.get(name);
        return value == null ? 0 : value.longValue();
    }

    @Test
    void aCommitmentsLifeMovesItsViewAndTheDashboard() {
        JsonPath before = practicalThings();
        long satisfiedBefore = given().get("/api/public/statistics").then().extract().<Number>path("satisfaction.satisfied").longValue();
        String organization = TestEvents.code("V");
        UUID done = UUID.randomUUID();
        UUID lapsed = UUID.randomUUID();
        for (UUID id : new UUID[] {done, lapsed}) {
            TestEvents.send("commitment.CommitmentPledged", id, 1, """
                    {"commitmentId":"%s","kind":"PRACTICAL_THING","title":"安装路灯30盏","description":null,"category":null,
                     "departmentCode":null,"departmentName":null,"organizationCode":"%s","organizationName":"鱼塘村党支部",
                     "responsible":"村支书","targetQuantity":30,"targetUnit":"盏",
                     "milestones":[{"title":"路灯采购","dueDate":"2017-04-30"}],"pledgedOn":"2017-03-01",
                     "dueDate":"2017-06-30","pledgedBy":"clerk","at":"2017-03-01T09:00:00+08:00"}""".formatted(id, organization));
        }
        TestEvents.send("commitment.CommitmentProgressReported", done, 2, """
                {"commitmentId":"%s","reportId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "percent":60,"quantity":18,"note":"已安装18盏","reason":null,"milestoneReached":"路灯采购",
                 "reportedOn":"2017-04-20","progressPercent":60,"status":"IN_PROGRESS","reportedBy":"clerk",
                 "at":"2017-04-20T16:00:00+08:00"}""".formatted(done, UUID.randomUUID(), organization));
        TestEvents.send("commitment.CommitmentFulfilled", done, 3, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "fulfilledOn":"2017-06-20","dueDate":"2017-06-30","onTime":true,"evidence":"验收照片","fulfilledBy":"clerk",
                 "at":"2017-06-20T11:00:00+08:00"}""".formatted(done, organization));
        TestEvents.send("commitment.CommitmentOverdue", lapsed, 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s","title":"安装路灯30盏",
                 "dueDate":"2017-06-30","progressPercent":null,"detectedAt":"2017-07-01T00:05:00+08:00"}"""
                .formatted(lapsed, organization));
        UUID evaluation = UUID.randomUUID();
        TestEvents.send("commitment.CommitmentEvaluated", evaluation, 1, """
                {"evaluationId":"%s","commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "rating":"SATISFIED","commentHeld":true,"at":"2017-06-25T19:30:00+08:00"}""".formatted(evaluation, done, organization));
        TestEvents.send("commitment.EvaluationCommentApproved", evaluation, 2, """
                {"evaluationId":"%s","commitmentId":"%s","rating":"SATISFIED","comment":"晚上出门亮堂了","moderatedBy":"admin",
                 "at":"2017-06-26T09:00:00+08:00"}""".formatted(evaluation, done));
        TestEvents.await(() -> given().get("/api/public/commitments/" + done).then().extract().statusCode() == 200
                && given().get("/api/public/commitments/" + done).then().extract().jsonPath().getList("comments").size() == 1
                && "OVERDUE".equals(given().get("/api/public/commitments/" + lapsed).then().extract().path("status")));

        given().when().get("/api/public/commitments/" + done).then()
                .body("status", equalTo("FULFILLED")).body("onTime", equalTo(true)).body("progressPercent", equalTo(100))
                .body("timeline.note", contains("已安装18盏"))
                .body("milestones[0].reachedOn", equalTo("2017-04-20"))
                .body("satisfaction.satisfied", equalTo(1)).body("satisfaction.rate", equalTo(1.0f))
                .body("comments[0].comment", equalTo("晚上出门亮堂了"));
        given().queryParam("organization", organization).queryParam("status", "OVERDUE")
                .when().get("/api/public/commitments").then().body("total", equalTo(1));

        JsonPath after = practicalThings();
        assertEquals(figure(before, "pledged") + 2, figure(after, "pledged"));
        assertEquals(figure(before, "fulfilled") + 1, figure(after, "fulfilled"));
        assertEquals(figure(before, "fulfilledOnTime") + 1, figure(after, "fulfilledOnTime"));
        assertEquals(figure(before, "overdue") + 1, figure(after, "overdue"));
        assertEquals(satisfiedBefore + 1,
                given().get("/api/public/statistics").then().extract().<Number>path("satisfaction.satisfied").longValue());
    }

    @Test
    void verifiedAndAnonymousEvaluationsApartAndARevisionCountsOnce() {
        JsonPath before = given().get("/api/public/statistics").then().extract().jsonPath().setRootPath("satisfaction");
        String organization = TestEvents.code("V");
        UUID commitment = UUID.randomUUID();
        TestEvents.send("commitment.CommitmentPledged", commitment, 1, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","title":"硬化通组路2公里","description":null,"category":null,
                 "departmentCode":null,"departmentName":null,"organizationCode":"%s","organizationName":"鱼塘村党支部",
                 "responsible":"村支书","targetQuantity":2,"targetUnit":"公里","milestones":[],"pledgedOn":"2017-03-01",
                 "dueDate":"2017-10-31","pledgedBy":"clerk","at":"2017-03-01T09:00:00+08:00"}""".formatted(commitment, organization));
        UUID citizen = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        UUID anonymous = UUID.randomUUID();
        String evaluated = """
                {"evaluationId":"%s","commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "rating":"%s","commentHeld":%s,"at":"2017-06-25T19:30:00+08:00"%s}""";
        TestEvents.send("commitment.CommitmentEvaluated", citizen, 1,
                evaluated.formatted(citizen, commitment, organization, "SATISFIED", true, ",\"verified\":true"));
        TestEvents.send("commitment.CommitmentEvaluated", neighbour, 1,
                evaluated.formatted(neighbour, commitment, organization, "SATISFIED", false, ",\"verified\":true"));
        // An event from before the flag: anonymous.
        TestEvents.send("commitment.CommitmentEvaluated", anonymous, 1,
                evaluated.formatted(anonymous, commitment, organization, "BASICALLY_SATISFIED", false, ""));
        TestEvents.send("commitment.EvaluationCommentApproved", citizen, 2, """
                {"evaluationId":"%s","commitmentId":"%s","rating":"SATISFIED","comment":"路修到家门口了","moderatedBy":"admin",
                 "at":"2017-06-26T09:00:00+08:00"}""".formatted(citizen, commitment));
        // The citizen changes their mind: the same evaluation, another rating, the approved comment no longer theirs.
        TestEvents.send("commitment.CommitmentEvaluationRevised", citizen, 3, """
                {"evaluationId":"%s","commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "previousRating":"SATISFIED","rating":"DISSATISFIED","commentHeld":false,"at":"2017-07-02T08:00:00+08:00"}"""
                .formatted(citizen, commitment, organization));
        TestEvents.await(() -> {
            var answer = given().get("/api/public/commitments/" + commitment).then().extract();
            return answer.statusCode() == 200 && Integer.valueOf(3).equals(answer.path("satisfaction.evaluations"))
                    && Integer.valueOf(1).equals(answer.path("satisfaction.dissatisfied"));
        });

        given().when().get("/api/public/commitments/" + commitment).then()
                .body("satisfaction.evaluations", equalTo(3))
                .body("satisfaction.verified", equalTo(2)).body("satisfaction.anonymous", equalTo(1))
                .body("satisfaction.satisfied", equalTo(1)).body("satisfaction.basicallySatisfied", equalTo(1))
                .body("satisfaction.dissatisfied", equalTo(1))
                .body("comments.size()", equalTo(0));
        JsonPath after = given().get("/api/public/statistics").then().extract().jsonPath().setRootPath("satisfaction");
        assertEquals(figure(before, "evaluations") + 3, figure(after, "evaluations"));
        assertEquals(figure(before, "verified") + 2, figure(after, "verified"));
        assertEquals(figure(before, "dissatisfied") + 1, figure(after, "dissatisfied"));
    }

    @Test
    void aMissedMilestoneShowsOnThePublicTimeline() {
        UUID id = UUID.randomUUID();
        String organization = TestEvents.code("V");
        TestEvents.send("commitment.CommitmentPledged", id, 1, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","title":"硬化通组路2公里","description":null,"category":null,
                 "departmentCode":null,"departmentName":null,"organizationCode":"%s","organizationName":"鱼塘村党支部",
                 "responsible":"村支书","targetQuantity":2,"targetUnit":"公里",
                 "milestones":[{"title":"路基完成","dueDate":"2017-04-30"},{"title":"路面硬化","dueDate":"2017-04-30"}],
                 "pledgedOn":"2017-03-01","dueDate":"2017-06-30","pledgedBy":"clerk","at":"2017-03-01T09:00:00+08:00"}"""
                .formatted(id, organization));
        TestEvents.send("commitment.CommitmentMilestoneMissed", id, 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "title":"硬化通组路2公里","position":1,"milestone":"路面硬化","milestoneDueDate":"2017-04-30",
                 "progressPercent":null,"detectedAt":"2017-05-01T00:05:00+08:00"}""".formatted(id, organization));
        TestEvents.await(() -> given().get("/api/public/commitments/" + id).then().extract().statusCode() == 200
                && given().get("/api/public/commitments/" + id).then().extract().path("milestones[1].missedAt") != null);
        given().when().get("/api/public/commitments/" + id).then()
                .body("milestones.title", contains("路基完成", "路面硬化"))
                .body("milestones[0].missedAt", org.hamcrest.Matchers.nullValue())
                .body("milestones[1].missedAt", equalTo("2017-05-01T00:05:00+08:00"))
                .body("status", equalTo("PLEDGED"));
        // The list shows it too.
        given().when().get("/api/public/commitments?organization=" + organization).then()
                .body("items[0].milestones[1].missedAt", equalTo("2017-05-01T00:05:00+08:00"));
    }
}
