package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A department's system reports progress on its own department's commitments when the county admin granted it
 * commitments:progress, and nothing else: not for another department, not without the grant, no other command.
 */
@QuarkusTest
class SystemProgressTest {

    @Test
    void aSystemWithTheProgressScopeReportsForItsOwnDepartmentOnly() {
        String own = TestCommitments.department("县交通运输局");
        String other = TestCommitments.department("县林业局");
        String system = TestTokens.system("transport-projects", "department_code", own, "commitments:progress");
        String ownCommitment = TestCommitments.pledge(TestTokens.departmentHead(own),
                TestCommitments.serviceBody(own, LocalDate.now().plusDays(60)));
        String otherCommitment = TestCommitments.pledge(TestTokens.departmentHead(other),
                TestCommitments.serviceBody(other, LocalDate.now().plusDays(60)));

        post(system, "/commitments/" + ownCommitment + "/progress", """
                {"percent":35,"note":"项目管理系统报送"}""").statusCode(200).body("progressPercent", equalTo(35));
        // Attributed to the system's own account, not to a person.
        given().auth().oauth2(TestTokens.countyAdmin()).when().get("/commitments/" + ownCommitment)
                .then().statusCode(200).body("timeline.reportedBy", hasItem("service-account-transport-projects"));

        post(system, "/commitments/" + otherCommitment + "/progress", """
                {"percent":35}""").statusCode(403).body("detail", containsString(own));
        // Any other write is refused, however the system is bound.
        post(system, "/commitments/" + ownCommitment + "/fulfil", """
                {"evidence":"系统代为兑现"}""").statusCode(403);
        post(system, "/commitments/" + ownCommitment + "/withdraw", """
                {"reason":"系统代为撤回"}""").statusCode(403);
        post(system, "/commitments", TestCommitments.serviceBody(own, LocalDate.now().plusDays(30))).statusCode(403);
        post(system, "/departments", """
                {"code":"D-SYSTEM","name":"系统自建部门"}""").statusCode(403);
    }

    @Test
    void withoutTheGrantOrWithoutABindingASystemIsRefused() {
        String own = TestCommitments.department("县水务局");
        String commitment = TestCommitments.pledge(TestTokens.departmentHead(own),
                TestCommitments.serviceBody(own, LocalDate.now().plusDays(60)));

        post(TestTokens.system("water-projects", "department_code", own), "/commitments/" + commitment + "/progress", """
                {"percent":20}""").statusCode(403).body("detail", containsString("commitments:progress"));
        post(TestTokens.system("unbound", null, null, "commitments:progress"), "/commitments/" + commitment + "/progress", """
                {"percent":20}""").statusCode(403);
    }
}
