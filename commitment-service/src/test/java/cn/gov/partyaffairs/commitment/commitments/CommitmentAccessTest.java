package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A department head acts for their own department, a clerk for their own organization, admins for all. */
@QuarkusTest
class CommitmentAccessTest {

    @Test
    void aHeadOfAnotherDepartmentIsRefused() {
        String department = TestCommitments.department("县交通运输局");
        String otherHead = TestTokens.departmentHead(TestCommitments.department("县林业局"));
        String body = TestCommitments.serviceBody(department, LocalDate.now().plusDays(30));

        post(otherHead, "/commitments", body).statusCode(403).contentType("application/problem+json");
        String id = TestCommitments.pledge(TestTokens.departmentHead(department), body);
        post(otherHead, "/commitments/" + id + "/progress", """
                {"percent":10}""").statusCode(403);
        post(otherHead, "/commitments/" + id + "/fulfil", """
                {"evidence":"冒名兑现"}""").statusCode(403);
        // The county office may act for every department.
        post(TestTokens.countyAdmin(), "/commitments/" + id + "/progress", """
                {"percent":10}""").statusCode(200);
    }

    @Test
    void aClerkOfAnotherOrganizationIsRefused() {
        String organization = TestCommitments.organization(TestCommitments.code("V"), "大湾村党支部", null);
        String otherClerk = TestTokens.clerk(TestCommitments.organization(TestCommitments.code("V"), "茅坪村党支部", null));
        String body = TestCommitments.practicalBody(organization, LocalDate.now(), LocalDate.now().plusDays(30));

        post(otherClerk, "/commitments", body).statusCode(403);
        String id = TestCommitments.pledge(TestTokens.clerk(organization), body);
        post(otherClerk, "/commitments/" + id + "/progress", """
                {"percent":10}""").statusCode(403);
        post(otherClerk, "/commitments/" + id + "/withdraw", """
                {"reason":"冒名撤回"}""").statusCode(403);
        // A department head cannot act for an organization, nor a clerk for a department.
        post(TestTokens.departmentHead("D-ANY"), "/commitments/" + id + "/progress", """
                {"percent":10}""").statusCode(403);
        String department = TestCommitments.department("县水务局");
        post(TestTokens.clerk(organization), "/commitments",
                TestCommitments.serviceBody(department, LocalDate.now().plusDays(30))).statusCode(403);
    }

    @Test
    void inspectorsReadButDoNotCommitAndStrangersNeedAToken() {
        String department = TestCommitments.department("县统计局");
        String body = TestCommitments.serviceBody(department, LocalDate.now().plusDays(30));
        post(TestTokens.inspector("YP-G01"), "/commitments", body).statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().post("/commitments").then().statusCode(401);
        given().when().get("/commitments").then().statusCode(401);
        given().auth().oauth2(TestTokens.inspector("YP-G01")).when().get("/commitments?department=" + department)
                .then().statusCode(200).body("total", equalTo(0));
        post(TestTokens.departmentHead(department), "/departments", """
                {"code":"D-SELF","name":"自封部门"}""").statusCode(403);
    }
}
