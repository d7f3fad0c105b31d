package cn.gov.partyaffairs.commitment.commitments;

import cn.gov.partyaffairs.commitment.TestCommitments;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.gov.partyaffairs.commitment.TestCommitments.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Commitments kept on paper come in at their real dates, through the same rules; all or none. */
@QuarkusTest
class CommitmentLedgerTest {

    @Test
    void entriesComeInWithTheirHistoryOrNotAtAll() {
        String organization = TestCommitments.organization(TestCommitments.code("V"), "新寨村党支部", null);
        String admin = TestTokens.countyAdmin();
        String late = """
                {"pledge":{"kind":"PRACTICAL_THING","title":"修建通组水泥路","organizationCode":"%s","responsible":"村支书",
                  "pledgedOn":"2017-01-05","dueDate":"2017-05-31"},
                 "reports":[{"percent":50,"reportedOn":"2017-03-01"}],
                 "fulfilment":{"evidence":"验收照片","fulfilledOn":"2017-06-20"}}""".formatted(organization);
        String withdrawn = """
                {"pledge":{"kind":"PRACTICAL_THING","title":"新建文化广场","organizationCode":"%s","responsible":"村支书",
                  "pledgedOn":"2017-01-05","dueDate":"2017-10-31"},
                 "withdrawal":{"reason":"已纳入县级项目统一实施"}}""".formatted(organization);
        String broken = """
                {"pledge":{"kind":"PRACTICAL_THING","title":"维修人饮水池","organizationCode":"%s","responsible":"村支书",
                  "pledgedOn":"2017-01-05","dueDate":"2016-12-31"}}""".formatted(organization);

        post(admin, "/commitments/ledger", "[" + late + "," + broken + "]")
                .statusCode(400).body("errors[0].field", equalTo("[1].dueDate"))
                .body("detail", containsString("第 2 条台账记录"));
        given().auth().oauth2(admin).when().get("/commitments?organization=" + organization)
                .then().body("total", equalTo(0));

        post(TestTokens.clerk(organization), "/commitments/ledger", "[" + late + "]").statusCode(403);
        post(admin, "/commitments/ledger", "[" + late + "," + withdrawn + "]")
                .statusCode(200).body("recorded", equalTo(2));
        given().auth().oauth2(admin).when().get("/commitments?organization=" + organization).then()
                .body("total", equalTo(2))
                .body("items.find { it.title == '修建通组水泥路' }.status", equalTo("FULFILLED"))
                .body("items.find { it.title == '修建通组水泥路' }.onTime", equalTo(false))
                .body("items.find { it.title == '新建文化广场' }.status", equalTo("WITHDRAWN"));
    }
}
