package cn.gov.partyaffairs.gateway.feed;

import cn.gov.partyaffairs.contracts.disclosure.CatalogPublished;
import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Atom feeds: an organization's publications, corrections and withdrawals; a category's, a township's and the
 * county's latest public disclosures; a commitment's history. Every feed is valid against RFC 4287's RELAX NG schema
 * (Appendix B, src/test/resources/atom/atom.rnc, by Jing) and the two rules that schema states as Schematron.
 */
@QuarkusTest
class AtomFeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String TITLE = "鱼塘村 <三月> & \\\"四月\\\" 公开"; // as JSON text
    private static final String TITLE_READ = "鱼塘村 <三月> & \"四月\" 公开";

    private static String township;
    private static String village;
    private static String elsewhere;
    private static final UUID first = UUID.randomUUID();
    private static final UUID corrected = UUID.randomUUID();
    private static final UUID withdrawn = UUID.randomUUID();
    private static final UUID other = UUID.randomUUID();
    private static final UUID partyOnly = UUID.randomUUID();
    private static final UUID kept = UUID.randomUUID();
    private static final UUID dropped = UUID.randomUUID();

    private static boolean sent;

    /** Once for the class, with the application up (RestAssured knows its port only then). */
    @BeforeEach
    void events() {
        if (sent) {
            return;
        }
        sent = true;
        TestEvents.send("disclosure.CatalogPublished", CatalogPublished.CATALOG_ID, System.currentTimeMillis(), """
                {"catalogId":"%s","categories":[
                  {"code":"C7","name":"基层服务型党组织建设","items":[
                    {"code":"C7-01","name":"为民服务","scope":"PUBLIC","timing":"REGULAR","withinDays":null,
                     "channels":["disclosure-board"]}]},
                  {"code":"C8","name":"党员教育管理和服务","items":[
                    {"code":"C8-01","name":"惠民资金","scope":"PUBLIC","timing":"REGULAR","withinDays":null,
                     "channels":["disclosure-board"]}]}],
                 "itemCount":2,"at":"2017-03-01T08:00:00+08:00"}""".formatted(CatalogPublished.CATALOG_ID));
        township = TestEvents.code("T");
        village = TestEvents.code("V");
        elsewhere = TestEvents.code("X");
        TestEvents.organization(UUID.randomUUID(), township, "township-committee", null);
        TestEvents.organization(UUID.randomUUID(), village, "village-branch", township);
        TestEvents.organization(UUID.randomUUID(), elsewhere, "village-branch", null);

        // Far in the future, so that the county's 50 newest are these whatever else the database holds.
        TestEvents.send("disclosure.DisclosurePublished", first, 5,
                TestEvents.published(first, village, "PUBLIC", TITLE, "2091-03", 1));
        TestEvents.send("disclosure.DisclosurePublished", corrected, 5,
                TestEvents.published(corrected, village, "PUBLIC", "鱼塘村2091年4月党务公开", "2091-04", 1));
        TestEvents.send("disclosure.DisclosureCorrected", corrected, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","contentVersion":2,
                 "title":"鱼塘村2091年4月党务公开（更正）","body":"更正后的内容","reason":"更正道路硬化里程 <2.5公里>",
                 "correctedBy":"clerk","at":"2091-05-08T09:00:00+08:00"}""".formatted(corrected, village));
        TestEvents.send("disclosure.DisclosurePublished", withdrawn, 5,
                TestEvents.published(withdrawn, village, "PUBLIC", "鱼塘村2091年5月党务公开", "2091-05", 1));
        TestEvents.send("disclosure.DisclosureWithdrawn", withdrawn, 6, """
                {"disclosureId":"%s","organizationCode":"%s","scope":"PUBLIC","reason":"内容与上级公示重复，撤回",
                 "withdrawnBy":"admin","at":"2091-06-01T09:00:00+08:00"}""".formatted(withdrawn, village));
        TestEvents.send("disclosure.DisclosurePublished", partyOnly, 5,
                TestEvents.published(partyOnly, village, "PARTY_WIDE", "党内公开：党费收缴", "2091-02", 1));
        TestEvents.send("disclosure.DisclosurePublished", other, 5,
                TestEvents.published(other, elsewhere, "PUBLIC", "另一个村2091年3月党务公开", "2091-03", 1));

        TestEvents.send("commitment.CommitmentPledged", kept, 1, pledged(kept, "为鱼塘村安装路灯30盏"));
        TestEvents.send("commitment.CommitmentProgressReported", kept, 2, """
                {"commitmentId":"%s","reportId":"%s","kind":"PRACTICAL_THING","departmentCode":null,
                 "organizationCode":"%s","percent":40,"quantity":12,"note":"已安装12盏 <主干道> & 村口",
                 "reason":null,"milestoneReached":null,"reportedOn":"2091-04-20","progressPercent":40,
                 "status":"IN_PROGRESS","reportedBy":"clerk","at":"2091-04-20T16:00:00+08:00"}"""
                .formatted(kept, UUID.randomUUID(), village));
        TestEvents.send("commitment.CommitmentOverdue", kept, 3, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "title":"为鱼塘村安装路灯30盏","dueDate":"2091-06-30","progressPercent":40,
                 "detectedAt":"2091-07-01T00:05:00+08:00"}""".formatted(kept, village));
        TestEvents.send("commitment.CommitmentFulfilled", kept, 4, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "fulfilledOn":"2091-07-20","dueDate":"2091-06-30","onTime":false,"evidence":"验收记录",
                 "fulfilledBy":"clerk","at":"2091-07-20T11:00:00+08:00"}""".formatted(kept, village));
        TestEvents.send("commitment.CommitmentPledged", dropped, 1, pledged(dropped, "修缮村文化活动室"));
        TestEvents.send("commitment.CommitmentWithdrawn", dropped, 2, """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","departmentCode":null,"organizationCode":"%s",
                 "reason":"已纳入县级项目统一实施","withdrawnBy":"clerk","at":"2091-05-10T10:00:00+08:00"}"""
                .formatted(dropped, village));

        TestEvents.await(() -> titles(feed("organizations/" + village)).size() == 4
                && titles(feed("commitments/" + kept)).size() == 4
                && titles(feed("commitments/" + dropped)).size() == 2
                && titles(feed("categories/C7")).size() >= 3);
    }

    private static String pledged(UUID id, String title) {
        return """
                {"commitmentId":"%s","kind":"PRACTICAL_THING","title":"%s","description":"群众夜间出行 <安全> & 方便",
                 "category":null,"departmentCode":null,"departmentName":null,"organizationCode":"%s",
                 "organizationName":"测试%s","responsible":"村支书","targetQuantity":30,"targetUnit":"盏","milestones":[],
                 "pledgedOn":"2091-03-01","dueDate":"2091-06-30","pledgedBy":"clerk","at":"2091-03-01T09:00:00+08:00"}"""
                .formatted(id, title, village, village);
    }

    @Test
    void anOrganizationsFeedHasItsPublicationsCorrectionsAndWithdrawalsNewestFirst() {
        Document feed = feed("organizations/" + village);
        assertEquals(List.of("撤回公开事项：鱼塘村2091年5月党务公开", "更正已公开内容：鱼塘村2091年4月党务公开（更正）",
                "鱼塘村2091年4月党务公开（更正）", TITLE_READ), titles(feed));
        assertEquals("测试" + village + " · 党务公开", text(feed.getDocumentElement(), "title"));
        assertEquals("zh-CN", feed.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        assertEquals("http://localhost:8080/org.html?code=" + village, link(feed.getDocumentElement(), "alternate"));
        assertEquals("http://localhost:8080/api/v1/public/feeds/organizations/" + village,
                link(feed.getDocumentElement(), "self"));
        assertEquals("tag:localhost,2026:feeds/organizations/" + village, text(feed.getDocumentElement(), "id"));
        assertEquals("2091-06-01T09:00:00+08:00", text(feed.getDocumentElement(), "updated"));

        List<Element> entries = entries(feed);
        assertEquals("撤回理由：内容与上级公示重复，撤回", text(entries.get(0), "summary"));
        assertEquals("http://localhost:8080/disclosure.html?id=" + withdrawn, link(entries.get(0), "alternate"));
        assertEquals("第2版；更正理由：更正道路硬化里程 <2.5公里>", text(entries.get(1), "summary"));
        // The disclosure's own entry carries its id, its publication and its last change.
        assertEquals("urn:uuid:" + corrected, text(entries.get(2), "id"));
        assertEquals("2091-04-28T09:00:00+08:00", text(entries.get(2), "published"));
        assertEquals("2091-05-08T09:00:00+08:00", text(entries.get(2), "updated"));
        assertEquals("测试" + village, text((Element) entries.get(3).getElementsByTagNameNS(ATOM, "author").item(0), "name"));
        assertEquals(List.of("C7", "C8"), terms(entries.get(3)));
        // Ids are stable: read again, the same.
        assertEquals(ids(feed), ids(feed("organizations/" + village)));
    }

    @Test
    void markupInATitleStaysText() {
        String raw = given().when().get("/api/v1/public/feeds/organizations/" + village).then().statusCode(200)
                .extract().body().asString();
        assertTrue(raw.contains("鱼塘村 &lt;三月&gt; &amp; \"四月\" 公开"), raw);
        assertFalse(raw.contains("<三月>"));
        assertTrue(raw.contains("更正道路硬化里程 &lt;2.5公里&gt;"));
    }

    @Test
    void aCategoryATownshipAndTheCountyHaveTheirLatestPublicDisclosures() {
        List<String> category = titles(feed("categories/C8"));
        assertTrue(category.containsAll(List.of("鱼塘村2091年4月党务公开（更正）", TITLE_READ, "另一个村2091年3月党务公开")),
                category.toString());
        assertFalse(category.contains("鱼塘村2091年5月党务公开"), "withdrawn");
        assertFalse(category.contains("党内公开：党费收缴"), "party-internal");
        assertEquals("党员教育管理和服务 · 玉屏县党务公开", text(feed("categories/C8").getDocumentElement(), "title"));

        // The township: its villages' disclosures, not another township's.
        assertEquals(List.of("鱼塘村2091年4月党务公开（更正）", TITLE_READ), titles(feed("townships/" + township)));

        List<String> county = titles(feed("county"));
        assertTrue(county.size() <= FeedQueries.ENTRIES);
        // Newest publication first; the two of the same hour in either order.
        assertEquals("鱼塘村2091年4月党务公开（更正）", county.get(0));
        assertEquals(java.util.Set.of(TITLE_READ, "另一个村2091年3月党务公开"), java.util.Set.copyOf(county.subList(1, 3)));
        assertEquals("http://localhost:8080/", link(feed("county").getDocumentElement(), "alternate"));
    }

    @Test
    void aCommitmentsFeedTellsItsWayNewestFirst() {
        Document feed = feed("commitments/" + kept);
        assertEquals(List.of("承诺兑现：为鱼塘村安装路灯30盏", "承诺逾期：为鱼塘村安装路灯30盏",
                "报告承诺进展：为鱼塘村安装路灯30盏（40%）", "作出承诺：为鱼塘村安装路灯30盏"), titles(feed));
        List<Element> entries = entries(feed);
        assertEquals("兑现日期：2091-07-20；逾期兑现；佐证：验收记录", text(entries.get(0), "summary"));
        assertEquals("已安装12盏 <主干道> & 村口；报告日期：2091-04-20", text(entries.get(2), "summary"));
        assertEquals("2091-04-20T16:00:00+08:00", text(entries.get(2), "updated"));
        assertEquals("http://localhost:8080/commitments.html?organization=" + village + "#c-" + kept,
                link(entries.get(0), "alternate"));
        assertEquals(List.of("承诺兑现：为鱼塘村安装路灯30盏", "承诺逾期：为鱼塘村安装路灯30盏",
                "报告承诺进展：为鱼塘村安装路灯30盏（40%）", "作出承诺：为鱼塘村安装路灯30盏"), titles(feed("commitments/" + kept)));
        assertEquals(List.of("撤回承诺：修缮村文化活动室", "作出承诺：修缮村文化活动室"), titles(feed("commitments/" + dropped)));
        assertEquals("撤回理由：已纳入县级项目统一实施", text(entries(feed("commitments/" + dropped)).get(0), "summary"));
    }

    @Test
    void feedsAreAtomWithAnETag() {
        Response first = given().when().get("/api/v1/public/feeds/county");
        first.then().statusCode(200).header("Content-Type", startsWith("application/atom+xml"));
        assertTrue(first.getHeader("Content-Type").toLowerCase().replace(" ", "").contains("charset=utf-8"));
        String etag = first.getHeader("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/public/feeds/county").then().statusCode(304);
        // The deprecated unversioned alias answers too, like every public path.
        given().when().get("/api/public/feeds/county").then().statusCode(200);
    }

    @Test
    void unknownSubjectsAreNotFoundProblems() {
        for (String path : List.of("organizations/NO-SUCH-ORG", "commitments/" + UUID.randomUUID(), "categories/C99",
                "townships/NO-SUCH-ORG", "townships/" + village)) {
            given().when().get("/api/v1/public/feeds/" + path).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
        }
        // Malformed subjects are refused as problems too, never a 500 (as the e2e fuzzing of every operation sends).
        for (String path : List.of("organizations/" + "a".repeat(600), "commitments/not-a-uuid",
                "categories/%F0%9F%98%80", "townships/%27%20OR%201%3D1--")) {
            given().urlEncodingEnabled(false).when().get("/api/v1/public/feeds/" + path).then()
                    .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                            .and(org.hamcrest.Matchers.lessThan(500)))
                    .contentType("application/problem+json");
        }
    }

    @Test
    void everyFeedIsValidAtom() throws Exception {
        for (String path : List.of("county", "organizations/" + village, "organizations/" + elsewhere,
                "categories/C7", "categories/C8", "townships/" + township, "commitments/" + kept,
                "commitments/" + dropped)) {
            byte[] body = given().when().get("/api/v1/public/feeds/" + path).then().statusCode(200).extract()
                    .asByteArray();
            assertEquals(List.of(), invalid(body), path);
            Document feed = parse(body);
            // The two rules Appendix B states as Schematron, which Jing's RELAX NG validation does not run.
            assertEquals(1, feed.getDocumentElement().getElementsByTagNameNS(ATOM, "author").getLength()
                    - entries(feed).stream().mapToInt(e -> e.getElementsByTagNameNS(ATOM, "author").getLength()).sum(),
                    path + ": the feed has its author");
            for (Element entry : entries(feed)) {
                assertTrue(link(entry, "alternate").startsWith("http://localhost:8080/"), path);
            }
        }
    }

    @Test
    void theValidatorRefusesWhatIsNotAtom() throws Exception {
        String valid = new String(given().when().get("/api/v1/public/feeds/organizations/" + village).then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals(List.of(), invalid(valid.getBytes(StandardCharsets.UTF_8)));
        // Without the feed's id, with a date that is not RFC 3339, with an unknown Atom element: each refused.
        assertFalse(invalid(valid.replaceFirst("<id>[^<]*</id>", "").getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(invalid(valid.replaceFirst("<updated>[^<]*</updated>", "<updated>2091年6月1日</updated>")
                .getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertFalse(invalid(valid.replaceFirst("<title>", "<item/><title>").getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    private static List<String> invalid(byte[] feed) throws Exception {
        return AtomSchema.problems(feed);
    }

    private static Document feed(String path) {
        return parse(given().when().get("/api/v1/public/feeds/" + path).then().statusCode(200).extract().asByteArray());
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> entries(Document feed) {
        NodeList nodes = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static List<String> titles(Document feed) {
        return entries(feed).stream().map(e -> text(e, "title")).toList();
    }

    private static List<String> ids(Document feed) {
        return entries(feed).stream().map(e -> text(e, "id")).toList();
    }

    private static List<String> terms(Element entry) {
        List<String> terms = new ArrayList<>();
        NodeList nodes = entry.getElementsByTagNameNS(ATOM, "category");
        for (int i = 0; i < nodes.getLength(); i++) {
            terms.add(((Element) nodes.item(i)).getAttribute("term"));
        }
        return terms;
    }

    /** The text of the element's own child of that name (not a descendant entry's). */
    private static String text(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && ATOM.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        return null;
    }

    private static String link(Element parent, String rel) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && "link".equals(child.getLocalName()) && rel.equals(child.getAttribute("rel"))) {
                return child.getAttribute("href");
            }
        }
        return null;
    }
}
