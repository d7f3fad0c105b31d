package cn.gov.partyaffairs.gateway.feed;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer alone: whatever text the read models hold, the feed is well-formed Atom and says that text. */
class AtomFeedTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2017-05-09T09:00:00.123456+08:00");

    private static AtomFeed feed(String title, String label, List<AtomFeed.Entry> entries) {
        return new AtomFeed("tag:localhost,2026:feeds/county", title, null, AT, "中共玉屏县委党务公开办公室",
                URI.create("http://localhost:8080/api/v1/public/feeds/county"), URI.create("http://localhost:8080/"),
                entries);
    }

    @Test
    void markupQuotesAndCharactersXmlCannotCarryStayText() throws Exception {
        String title = "<script>alert('x')</script> & \"引号\" ]]> 鱼塘村\u0001\u000B\uFFFE";
        AtomFeed feed = feed(title, null, List.of(new AtomFeed.Entry("urn:uuid:0b9f3d0e-7c1a-4d7e-9a31-2f1c8e5b7a40",
                title, AT, AT, "鱼塘村 <党支部>", URI.create("http://localhost:8080/disclosure.html?id=1&x=2"), title,
                List.of(new AtomFeed.Category("C8", "党员 \"教育\" <管理>")))));
        byte[] written = feed.write();
        assertEquals(List.of(), AtomSchema.problems(written));
        var document = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(written));
        String said = "<script>alert('x')</script> & \"引号\" ]]> 鱼塘村";
        assertEquals(said, document.getElementsByTagName("title").item(0).getTextContent());
        assertEquals(said, document.getElementsByTagName("title").item(1).getTextContent());
        assertEquals(said, document.getElementsByTagName("summary").item(0).getTextContent());
        assertEquals("党员 \"教育\" <管理>",
                ((org.w3c.dom.Element) document.getElementsByTagName("category").item(0)).getAttribute("label"));
        String raw = new String(written, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script>"), raw);
        assertTrue(raw.contains("href=\"http://localhost:8080/disclosure.html?id=1&amp;x=2\""), raw);
        assertTrue(raw.contains("2017-05-09T09:00:00+08:00"), "RFC 3339 to the second: " + raw);
    }

    @Test
    void aFeedWithoutEntriesIsStillAtom() throws Exception {
        assertEquals(List.of(), AtomSchema.problems(feed("玉屏县党务公开 · 最新公开", null, List.of()).write()));
    }
}
