package cn.gov.partyaffairs.gateway.admin;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Rebuilding every read model from the topics gives exactly the live state. */
@QuarkusTest
class ReadModelRebuildTest {

    private static Map<String, String> digest() {
        return given().auth().oauth2(TestTokens.countyAdmin()).when().get("/api/internal/admin/read-model/digest")
                .then().statusCode(200).extract().as(Map.class);
    }

    @Test
    void rebuiltEqualsLive() {
        String organization = TestEvents.code("R");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5,
                TestEvents.published(disclosure, organization, "PUBLIC", "重建测试", "2017-06", 1));
        UUID withdrawn = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", withdrawn, 5,
                TestEvents.published(withdrawn, organization, "PUBLIC", "重建测试（撤回）", "2017-07", 1));
        TestEvents.send("disclosure.DisclosureWithdrawn", withdrawn, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reason":"内容有误","withdrawnBy":"admin",
                 "at":"2017-08-01T09:00:00+08:00"}""".formatted(withdrawn, organization));
        TestEvents.await(() -> "WITHDRAWN".equals(given().get("/api/public/disclosures/" + withdrawn).then().extract().path("status")));

        Map<String, String> live = digest();
        assertNotEquals("", live.get("disclosure_view"));
        given().auth().oauth2(TestTokens.clerk(organization)).when().post("/api/internal/admin/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).when().post("/api/internal/admin/rebuild")
                .then().statusCode(200);
        assertEquals(live, digest());
        given().when().get("/api/public/disclosures/" + withdrawn).then().body("withdrawReason", equalTo("内容有误"));
    }
}
