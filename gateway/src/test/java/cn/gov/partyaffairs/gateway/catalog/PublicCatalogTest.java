package cn.gov.partyaffairs.gateway.catalog;

import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The catalog is public: anyone reads it at /api/public/catalog without a token, as the disclosure service last
 * published it (CatalogPublished), with how many organizations have each item on their content list.
 */
@QuarkusTest
class PublicCatalogTest {

    private static String catalog(String item, String name, String scope, String timing, Integer withinDays) {
        return """
                {"catalogId":"%s","categories":[
                  {"code":"C1","name":"贯彻落实党的路线方针政策","items":[
                    {"code":"%s","name":"%s","scope":"%s","timing":"%s","withinDays":%s,
                     "channels":["disclosure-board","county-website"]}]},
                  {"code":"C6","name":"党费收缴使用管理","items":[
                    {"code":"C6-01","name":"党费收缴标准","scope":"PARTY_WIDE","timing":"REGULAR","withinDays":null,
                     "channels":["meeting"]}]}],
                 "itemCount":2,"at":"2017-03-01T08:00:00+08:00"}"""
                .formatted(CatalogPublished.CATALOG_ID, item, name, scope, timing, withinDays);
    }

    private static JsonPath read() {
        return given().when().get("/api/public/catalog").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anonymousReadersReadTheCatalogAsLastPublishedWithWhoDisclosesEachItem() {
        String item = "T-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // Versions grow across runs of the suite on one database, as a catalog's do across releases.
        long version = System.currentTimeMillis();
        TestEvents.send("disclosure.CatalogPublished", CatalogPublished.CATALOG_ID, version,
                catalog(item, "年度工作计划和工作总结", "PUBLIC", "EVENT", 7));
        // Until a first catalog arrives there are no categories at all (null), not an empty list.
        TestEvents.await(() -> {
            java.util.List<Object> codes = read().getList("categories[0].items.code");
            return codes != null && codes.contains(item);
        });

        JsonPath catalog = read();
        assertEquals(2, catalog.getInt("itemCount"));
        assertEquals(java.util.List.of("C1", "C6"), catalog.getList("categories.code"));
        given().when().get("/api/public/catalog").then()
                .body("categories[0].name", equalTo("贯彻落实党的路线方针政策"))
                .body("categories[0].items[0].name", equalTo("年度工作计划和工作总结"))
                .body("categories[0].items[0].scope", equalTo("PUBLIC"))
                .body("categories[0].items[0].timing", equalTo("EVENT"))
                .body("categories[0].items[0].withinDays", equalTo(7))
                .body("categories[0].items[0].channels", contains("disclosure-board", "county-website"))
                .body("categories[0].items[0].organizations", equalTo(0))
                .body("categories[1].items[0].scope", equalTo("PARTY_WIDE"));

        // Who discloses it: the organizations that put it on their own content list.
        UUID id = UUID.randomUUID();
        String organization = TestEvents.code("K");
        TestEvents.organization(id, organization, "village-branch", null);
        TestEvents.send("disclosure.ContentListSettled", id, 2, """
                {"organizationId":"%s","code":"%s","itemCodes":["%s","C6-01"],"settledBy":"clerk",
                 "at":"2017-03-05T09:00:00+08:00"}""".formatted(id, organization, item));
        TestEvents.await(() -> read().getInt("categories[0].items[0].organizations") == 1);

        // A newer catalog replaces it whole.
        TestEvents.send("disclosure.CatalogPublished", CatalogPublished.CATALOG_ID, version + 1,
                catalog(item, "年度工作计划和工作总结（修订）", "PUBLIC", "REGULAR", null));
        TestEvents.await(() -> "年度工作计划和工作总结（修订）".equals(read().getString("categories[0].items[0].name")));
        TestEvents.send("disclosure.ContentListSettled", id, 3, """
                {"organizationId":"%s","code":"%s","itemCodes":["C6-01"],"settledBy":"clerk",
                 "at":"2017-03-06T09:00:00+08:00"}""".formatted(id, organization));
        TestEvents.await(() -> read().getInt("categories[0].items[0].organizations") == 0);
        assertEquals("REGULAR", read().getString("categories[0].items[0].timing"));
    }

    @Test
    void aTokenIsNotNeededAndABadOneIsIgnored() {
        given().when().get("/api/public/catalog").then().statusCode(200);
        given().auth().oauth2("not-a-token").when().get("/api/public/catalog").then().statusCode(200);
    }
}
