package cn.gov.partyaffairs.gateway.search;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ranking test: a fixed set of a village branch's public disclosures, as a county's year has them, and fixed
 * queries a villager would type, each with the results expected at the top, in order. It fails when segmentation,
 * weighting (title over body) or the every-word rule changes what a reader finds first.
 */
@QuarkusTest
class DisclosureRankingTest {

    static final String ORG = TestEvents.code("RANK");
    /** Each disclosure by a short name: its title and body. */
    static final Map<String, String[]> CORPUS = new LinkedHashMap<>();
    static final Map<String, UUID> IDS = new LinkedHashMap<>();
    private static boolean published;

    static {
        CORPUS.put("funds", new String[] {"第一季度惠民资金发放公示", "本村第一季度惠民资金发放明细：低保金、临时救助金共计3.6万元，已全部发放到户。"});
        CORPUS.put("dues", new String[] {"党费收缴情况公开", "上半年全支部党员应交党费4800元，实交4800元，收缴率100%。"});
        CORPUS.put("recruit", new String[] {"发展党员工作情况公示", "确定入党积极分子2名，发展对象1名，接收预备党员1名。"});
        CORPUS.put("finance", new String[] {"村级财务收支公开", "本季度村级资金收入12万元，支出9.5万元，其中公路硬化资金6万元。"});
        CORPUS.put("welfare", new String[] {"低保评议结果公示", "经村民代表大会评议，拟新增低保户3户，取消1户，资金按月发放。"});
        CORPUS.put("meetings", new String[] {"“三会一课”开展情况", "本月召开支部党员大会1次、支委会2次、党小组会3次，讲党课1次。"});
        CORPUS.put("cadres", new String[] {"村后备干部推选结果", "经党员群众民主推荐，确定村后备干部2名，予以公示。"});
        CORPUS.put("road", new String[] {"通组公路建设进展", "组组通公路硬化已完成80%，预计年底通车，资金由县交通运输局拨付。"});
    }

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        int day = 1;
        for (Map.Entry<String, String[]> d : CORPUS.entrySet()) {
            UUID id = UUID.randomUUID();
            IDS.put(d.getKey(), id);
            TestEvents.send("disclosure.DisclosurePublished", id, 5, """
                    {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","itemCodes":["C8-01"],"title":"%s",
                     "body":"%s","periodStart":"2018-03-01","periodEnd":"2018-04-30","channels":["disclosure-board"],
                     "contentVersion":1,"publishedBy":"clerk","at":"2018-05-%02dT09:00:00+08:00"}"""
                    .formatted(id, ORG, d.getValue()[0].replace("\"", "\\\""), d.getValue()[1], day++));
        }
        TestEvents.await(() -> found("公示").size() == 4);
    }

    /**
     * @param query    what the reader types
     * @param expected the disclosures expected first, in order (space-separated short names); nothing else may
     *                 come before them
     */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "资金 发放       | funds welfare",  // both words in the title first, then both in the body
            "党费            | dues",
            "发展党员         | recruit",
            "低保            | welfare",
            "党员            | recruit",        // in the title before three bodies
            "村级 财务        | finance",
            "三会一课         | meetings",
            "后备干部         | cadres",
            "公路 硬化        | road finance",   // in the title and body before in the body alone
            "预备党员         | recruit",
            "资金 公路        | road finance",
    })
    void theExpectedDisclosuresComeFirst(String query, String expected) {
        List<String> names = Arrays.stream(expected.trim().split("\\s+")).toList();
        List<UUID> top = found(query.trim()).stream().limit(names.size()).toList();
        assertEquals(names.stream().map(IDS::get).toList(), top,
                query + ": expected " + names + ", found " + top.stream().map(DisclosureRankingTest::name).toList());
    }

    private static List<UUID> found(String query) {
        return given().queryParam("organization", ORG).queryParam("q", query).queryParam("size", 20)
                .get("/api/v1/public/search").then().statusCode(200).extract().jsonPath()
                .getList("items.disclosure.id", String.class).stream().map(UUID::fromString).toList();
    }

    private static String name(UUID id) {
        return IDS.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElse(id.toString());
    }
}
