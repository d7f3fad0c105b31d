package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The status machine: every step, every refused step, and one event per step on the real broker. */
@QuarkusTest
class CommitmentLifecycleTest {

    private static final String PREFIX = "cn.gov.partyaffairs.commitment.";

    @Test
    void aServiceCommitmentFromPledgeToFulfilmentSendsOneEventPerStep() {
        String department = TestCommitments.department("县交通运输局");
        String head = TestTokens.departmentHead(department);
        LocalDate due = LocalDate.now().plusDays(60);
        String id = TestCommitments.pledge(head, TestCommitments.serviceBody(department, due));

        post(head, "/commitments/" + id + "/progress", """
                {"percent":40,"note":"路基施工中"}""")
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(40));
        // Only a quantity: the progress follows from the 10 km target.
        post(head, "/commitments/" + id + "/progress", """
                {"quantity":8,"note":"已硬化8公里","milestoneReached":"路基完工"}""")
                .statusCode(200).body("progressPercent", equalTo(80));
        post(head, "/commitments/" + id + "/fulfil", """
                {"evidence":"竣工验收报告（玉交验〔2017〕12号）"}""")
                .statusCode(200).body("status", equalTo("FULFILLED")).body("onTime", equalTo(true))
                .body("progressPercent", equalTo(100));

        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/commitments/" + id)
                .then().statusCode(200)
                .body("departmentName", equalTo("县交通运输局"))
                .body("categoryLabel", equalTo("政府服务"))
                .body("timeline.percent", contains(40, null))
                .body("timeline.note", contains("路基施工中", "已硬化8公里"))
                .body("milestones[0].reachedOn", equalTo(LocalDate.now().toString()));

        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", id, 4);
        assertEquals(List.of(PREFIX + "CommitmentPledged.v1", PREFIX + "CommitmentProgressReported.v1",
                        PREFIX + "CommitmentProgressReported.v1", PREFIX + "CommitmentFulfilled.v1"),
                events.stream().map(r -> EventProbe.header(r, "ce_type")).toList());
        assertEquals(List.of("1", "2", "3", "4"),
                events.stream().map(r -> EventProbe.header(r, "ce_aggregateversion")).toList());
    }

    @Test
    void aFulfilledCommitmentRefusesEveryFurtherStepNamingItsState() {
        String department = TestCommitments.department("县政务服务中心");
        String head = TestTokens.departmentHead(department);
        String id = TestCommitments.pledge(head, TestCommitments.serviceBody(department, LocalDate.now().plusDays(30)));
        post(head, "/commitments/" + id + "/fulfil", """
                {"evidence":"办结台账"}""").statusCode(200);

        post(head, "/commitments/" + id + "/progress", """
                {"percent":100}""")
                .statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("FULFILLED（已兑现）"));
        post(head, "/commitments/" + id + "/fulfil", """
                {"evidence":"再次兑现"}""").statusCode(409).body("currentState", equalTo("FULFILLED（已兑现）"));
        post(head, "/commitments/" + id + "/withdraw", """
                {"reason":"不再需要"}""").statusCode(409).body("currentState", equalTo("FULFILLED（已兑现）"));

        assertEquals(2, EventProbe.recordsWithKey("commitment.events", id, 2).size(), "refusals send nothing");
    }

    @Test
    void aWithdrawnCommitmentKeepsItsPublicReasonAndRefusesEveryFurtherStep() {
        String organization = TestCommitments.organization(TestCommitments.code("V"), "鱼塘村党支部", null);
        String clerk = TestTokens.clerk(organization);
        String id = TestCommitments.pledge(clerk,
                TestCommitments.practicalBody(organization, LocalDate.now(), LocalDate.now().plusDays(90)));

        post(clerk, "/commitments/" + id + "/withdraw", "{}")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        post(clerk, "/commitments/" + id + "/withdraw", """
                {"reason":"该路段已纳入县级道路改造项目统一实施"}""")
                .statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawReason", equalTo("该路段已纳入县级道路改造项目统一实施"));

        post(clerk, "/commitments/" + id + "/progress", """
                {"percent":10}""").statusCode(409).body("currentState", equalTo("WITHDRAWN（已撤回）"));
        post(clerk, "/commitments/" + id + "/fulfil", """
                {"evidence":"照片"}""").statusCode(409).body("currentState", equalTo("WITHDRAWN（已撤回）"));
        post(clerk, "/commitments/" + id + "/withdraw", """
                {"reason":"再撤一次"}""").statusCode(409);

        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", id, 2);
        assertEquals(List.of(PREFIX + "CommitmentPledged.v1", PREFIX + "CommitmentWithdrawn.v1"),
                events.stream().map(r -> EventProbe.header(r, "ce_type")).toList());
    }

    @Test
    void progressStaysWithinItsRules() {
        String department = TestCommitments.department("县住房和城乡建设局");
        String head = TestTokens.departmentHead(department);
        String id = TestCommitments.pledge(head, TestCommitments.serviceBody(department, LocalDate.now().plusDays(30)));
        String path = "/commitments/" + id + "/progress";

        post(head, path, """
                {"percent":101}""").statusCode(400).body("errors[0].message", equalTo("完成百分比须在 0 到 100 之间"));
        post(head, path, """
                {"percent":-1}""").statusCode(400);
        post(head, path, """
                {"note":"只有说明"}""").statusCode(400).body("errors[0].field", equalTo("percent"));
        post(head, path, """
                {"percent":10,"reportedOn":"%s"}""".formatted(LocalDate.now().plusDays(1)))
                .statusCode(400).body("errors[0].field", equalTo("reportedOn"));
        post(head, path, """
                {"percent":10,"milestoneReached":"不存在的节点"}""")
                .statusCode(400).body("errors[0].field", equalTo("milestoneReached"));

        post(head, path, """
                {"percent":60,"quantity":6}""").statusCode(200);
        post(head, path, """
                {"percent":50}""").statusCode(400).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("本次进展比上次（60%，6公里）减少，请说明理由"));
        post(head, path, """
                {"quantity":5}""").statusCode(400).body("errors[0].field", equalTo("reason"));
        post(head, path, """
                {"percent":50,"reason":"验收发现2公里路面需返工"}""")
                .statusCode(200).body("progressPercent", equalTo(50));

        given().auth().oauth2(head).when().get("/commitments/" + id).then()
                .body("timeline", hasSize(2))
                .body("timeline[1].reason", equalTo("验收发现2公里路面需返工"))
                .body("fulfilledOn", nullValue());
        List<ConsumerRecord<String, String>> events = EventProbe.recordsWithKey("commitment.events", id, 3);
        assertEquals(3, events.size(), "a pledge and two accepted reports; refused reports send nothing");
        assertFalse(events.get(2).value().contains("\"reason\":null"));
    }

    @Test
    void pledgesAreCheckedAndSayWhatToFix() {
        String department = TestCommitments.department("县市场监督管理局");
        String head = TestTokens.departmentHead(department);
        post(head, "/commitments", """
                {"kind":"SERVICE","title":"企业开办一日办结","departmentCode":"%s","responsible":"王局长",
                 "category":"no-such","dueDate":"%s"}""".formatted(department, LocalDate.now().plusDays(9)))
                .statusCode(400).body("errors[0].field", equalTo("category"));
        post(head, "/commitments", """
                {"kind":"SERVICE","title":"企业开办一日办结","departmentCode":"%s","responsible":"王局长",
                 "category":"administrative-approval","pledgedOn":"%s","dueDate":"%s"}"""
                .formatted(department, LocalDate.now(), LocalDate.now().minusDays(1)))
                .statusCode(400).body("errors[0].field", equalTo("dueDate"));
        post(head, "/commitments", """
                {"kind":"SERVICE","title":"企业开办一日办结","departmentCode":"%s","responsible":"王局长",
                 "category":"administrative-approval","targetQuantity":1,"dueDate":"%s"}"""
                .formatted(department, LocalDate.now().plusDays(9)))
                .statusCode(400).body("errors[0].field", equalTo("targetUnit"));
        post(TestTokens.countyAdmin(), "/commitments", """
                {"kind":"SERVICE","title":"企业开办一日办结","departmentCode":"D-NOT-THERE","responsible":"王局长",
                 "category":"administrative-approval","dueDate":"%s"}""".formatted(LocalDate.now().plusDays(9)))
                .statusCode(400).body("errors[0].field", equalTo("departmentCode"));
    }
}
