package cn.gov.partyaffairs.gateway.search;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranking test: a fixed set of disclosures of one organization and of queries with the results expected first.
 * Chinese is segmented into words, every word of a query must occur, the title weighs more than the body, the words
 * found are marked, and nothing party-internal or withdrawn is ever found.
 */
@QuarkusTest
class DisclosureSearchTest {

    static final String ORG = TestEvents.code("SRCH");
    static final UUID TITLE_BOTH = UUID.randomUUID();
    static final UUID BODY_BOTH = UUID.randomUUID();
    static final UUID TITLE_ONE_BODY_OTHER = UUID.randomUUID();
    static final UUID ONE_WORD = UUID.randomUUID();
    static final UUID INTERNAL = UUID.randomUUID();
    static final UUID MARKUP = UUID.randomUUID();

    private static boolean published;

    /** Once, before the first test (not in @BeforeAll: RestAssured knows the test port only from here on). */
    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        published = true;
        disclosure(TITLE_BOTH, "PUBLIC", "惠民资金发放公示", "本村第一季度发放明细，共12户，合计3.6万元。", "2017-03", "C8-01");
        disclosure(BODY_BOTH, "PUBLIC", "三月党务公开", "一、“三会一课”开展情况；二、惠民资金发放情况。", "2017-03", "C1-04");
        disclosure(TITLE_ONE_BODY_OTHER, "PUBLIC", "村级资金使用情况", "本期资金按计划发放到户，账目公开。", "2017-04", "C8-01");
        disclosure(ONE_WORD, "PUBLIC", "村务公开", "本期公开村级资金使用情况。", "2017-04", "C7-01");
        disclosure(INTERNAL, "PARTY_WIDE", "惠民资金发放（党内）", "党费收缴与资金发放情况。", "2017-03", "C2-04");
        disclosure(MARKUP, "PUBLIC", "<script>alert(1)</script>资金公告", "资金<b>发放</b>", "2017-05", "C8-03");
        await().atMost(Duration.ofSeconds(30)).until(() -> search("资金", null).getInt("total") == 5);
    }

    @Test
    void twoWordsFindOnlyWhatHasBothBestMatchFirst() {
        JsonPath found = search("资金 发放", null);
        List<String> ids = found.getList("items.disclosure.id");
        assertEquals(TITLE_BOTH.toString(), ids.get(0), "both words in the title first: " + ids);
        assertTrue(ids.containsAll(List.of(BODY_BOTH.toString(), TITLE_ONE_BODY_OTHER.toString())), ids.toString());
        assertFalse(ids.contains(ONE_WORD.toString()), "only one of the words: not found");
        assertFalse(ids.contains(INTERNAL.toString()), "party-internal: never found");
        assertTrue(ids.indexOf(TITLE_ONE_BODY_OTHER.toString()) < ids.indexOf(BODY_BOTH.toString()),
                "a word in the title outweighs both in the body: " + ids);
        // The list the portal reads answers the same, in the same order.
        List<String> listed = given().queryParam("organization", ORG).queryParam("q", "资金 发放")
                .get("/api/public/disclosures").jsonPath().getList("items.id");
        assertEquals(ids, listed);
    }

    @Test
    void theTitleOutweighsTheBody() {
        List<String> ids = search("党务", null).getList("items.disclosure.id");
        assertEquals(BODY_BOTH.toString(), ids.get(0));
        List<String> funds = search("资金", null).getList("items.disclosure.id");
        assertTrue(funds.indexOf(TITLE_BOTH.toString()) < funds.indexOf(ONE_WORD.toString()), funds.toString());
    }

    @Test
    void theWordsFoundAreMarkedAndTheRestEscaped() {
        JsonPath found = search("惠民 资金", null);
        assertTrue(found.getString("items[0].titleHighlight").contains("<mark>资金</mark>"), found.prettify());
        String markup = search("公告", null).getString("items[0].titleHighlight");
        assertTrue(markup.contains("&lt;script&gt;") && !markup.contains("<script>"), markup);
    }

    @Test
    void aTitleIsHighlightedWholeWhateverItsPunctuation() {
        String title = "关于鱼池承包的说明。附：合同！请群众监督";
        disclosure(UUID.randomUUID(), "PUBLIC", title, "鱼池承包合同全文。", "2017-07", "C8-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> search("承包", null).getInt("total") == 1);
        String marked = search("承包", null).getString("items[0].titleHighlight");
        assertTrue(marked.contains("<mark>承包</mark>"), marked);
        assertEquals(title, marked.replace("<mark>", "").replace("</mark>", ""), "the whole title, not one sentence of it");
    }

    /** The portal's visitor pastes a title into the search box: punctuation between its parts must not hide it. */
    @Test
    void aTitleTypedInFullFindsItsDisclosure() {
        UUID id = UUID.randomUUID();
        String title = "回调-9f8e7d6c-三";
        disclosure(id, "PUBLIC", title, "本期公开内容。", "2017-08", "C8-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> search(title, null).getList("items.disclosure.id")
                .contains(id.toString()));
    }

    @Test
    void filtersByCategoryAndPeriod() {
        List<String> category = search("资金", "&category=C8").getList("items.disclosure.id");
        assertTrue(category.containsAll(List.of(TITLE_BOTH.toString(), TITLE_ONE_BODY_OTHER.toString(), MARKUP.toString())));
        assertFalse(category.contains(ONE_WORD.toString()));
        List<String> april = search("资金", "&period=2017-04-15").getList("items.disclosure.id");
        assertEquals(2, april.size(), april.toString());
    }

    @Test
    void aWithdrawnDisclosureLeavesTheSearch() {
        UUID id = UUID.randomUUID();
        disclosure(id, "PUBLIC", "低保评议结果撤回测试", "低保评议名单。", "2017-06", "C8-01");
        await().atMost(Duration.ofSeconds(30)).until(() -> search("低保", null).getInt("total") == 1);
        TestEvents.send("disclosure.DisclosureWithdrawn", id, 7, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reason":"名单涉及个人隐私信息",
                 "withdrawnBy":"admin","at":"2017-06-09T09:00:00+08:00"}""".formatted(id, ORG));
        await().atMost(Duration.ofSeconds(30)).until(() -> search("低保", null).getInt("total") == 0);
    }

    @Test
    void aMisspelledOrganizationNameGetsSuggestions() {
        String code = TestEvents.code("SUGG");
        TestEvents.send("disclosure.OrganizationRegistered", UUID.randomUUID(), 1, """
                {"organizationId":"%s","code":"%s","name":"新店镇龙塘村党支部","type":"village-branch","parentCode":null,
                 "cadenceMonths":2,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                .formatted(UUID.randomUUID(), code));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", "新店镇龙糖村").get("/api/public/search")
                .jsonPath().getList("suggestions.code").contains(code));
    }

    /** @param more further query parameters, as {@code name=value} */
    private static JsonPath search(String words, String more) {
        var request = given().queryParam("organization", ORG).queryParam("q", words);
        if (more != null) {
            String[] pair = more.substring(1).split("=", 2);
            request.queryParam(pair[0], pair[1]);
        }
        return request.get("/api/public/search").then().statusCode(200).extract().jsonPath();
    }

    private static void disclosure(UUID id, String scope, String title, String body, String period, String item) {
        TestEvents.send("disclosure.DisclosurePublished", id, 5, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"%s","itemCodes":["%s"],"title":"%s",
                 "body":"%s","periodStart":"%s-01","periodEnd":"%s-28","channels":["disclosure-board"],
                 "contentVersion":1,"publishedBy":"clerk","at":"%s-28T09:00:00+08:00"}"""
                .formatted(id, ORG, scope, item, title.replace("\"", "\\\""), body.replace("\"", "\\\""), period, period, period));
    }
}
