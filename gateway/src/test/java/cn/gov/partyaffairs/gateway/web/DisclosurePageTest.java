package cn.gov.partyaffairs.gateway.web;

import cn.gov.partyaffairs.gateway.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The disclosure page rendered on the server: the content is there without JavaScript, and text stays text. */
@QuarkusTest
class DisclosurePageTest {

    @Test
    void aPublishedDisclosureIsReadableAsHtmlWithItsMarkupEscaped() {
        String organization = TestEvents.code("P");
        TestEvents.organization(UUID.randomUUID(), organization, "village-branch", null);
        UUID disclosure = UUID.randomUUID();
        TestEvents.send("disclosure.DisclosurePublished", disclosure, 5,
                TestEvents.published(disclosure, organization, "PUBLIC", "<script>alert(1)</script>鱼塘村公开", "2017-05", 1));
        TestEvents.await(() -> given().get("/api/public/disclosures/" + disclosure).statusCode() == 200);

        given().when().get("/disclosure.html?id=" + disclosure).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;鱼塘村公开"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("一、本期重点工作"))
                .body(containsString("向社会公开"))
                .body(containsString("已有 0 人发表了评论"));
    }

    @Test
    void anUnknownOrMalformedIdIsAPageSayingSo() {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-an-id"}) {
            given().when().get("/disclosure.html?id=" + id).then().statusCode(404)
                    .body(containsString("未找到该公开事项"));
        }
    }
}
