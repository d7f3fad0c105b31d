package cn.gov.partyaffairs.gateway.feed;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An Atom 1.0 feed (RFC 4287) and how it is written: by the JDK's StAX writer, which escapes every text and
 * attribute, so a title with {@code <&>} stays text. Chinese first: {@code xml:lang="zh-CN"} on the feed.
 *
 * @param id        a stable IRI ({@code tag:} or {@code urn:uuid:}) that never changes for this feed
 * @param updated   the newest entry's time; with no entries, the time of what the feed is about
 * @param self      the feed's own absolute address
 * @param alternate the page the feed is about, absolute
 */
public record AtomFeed(String id, String title, String subtitle, OffsetDateTime updated, String author, URI self,
                       URI alternate, List<Entry> entries) {

    public static final String MEDIA_TYPE = "application/atom+xml";

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /**
     * @param id        a stable {@code urn:uuid:} IRI of what happened (a publication, a correction, a report)
     * @param published when it first happened; {@code updated} when it last changed
     * @param category  the catalog categories or the commitment's kind, as Atom categories (may be empty)
     */
    public record Entry(String id, String title, OffsetDateTime updated, OffsetDateTime published, String author,
                        URI alternate, String summary, List<Category> category) {
    }

    public record Category(String term, String label) {
    }

    /** The feed as UTF-8 XML. */
    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", XML, "lang", "zh-CN");
            text(xml, "id", id);
            text(xml, "title", title);
            if (subtitle != null) {
                text(xml, "subtitle", subtitle);
            }
            text(xml, "updated", date(updated));
            person(xml, author);
            link(xml, "self", MEDIA_TYPE, self);
            link(xml, "alternate", "text/html", alternate);
            xml.writeStartElement("generator");
            xml.writeCharacters("党务公开平台 gateway");
            xml.writeEndElement();
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", date(entry.updated()));
                if (entry.published() != null) {
                    text(xml, "published", date(entry.published()));
                }
                person(xml, entry.author());
                link(xml, "alternate", "text/html", entry.alternate());
                for (Category category : entry.category()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", clean(category.term()));
                    if (category.label() != null) {
                        xml.writeAttribute("label", clean(category.label()));
                    }
                }
                if (entry.summary() != null && !entry.summary().isBlank()) {
                    text(xml, "summary", entry.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed could not be written", e);
        }
        return out.toByteArray();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    private static void person(XMLStreamWriter xml, String name) throws XMLStreamException {
        if (name != null) {
            xml.writeStartElement("author");
            text(xml, "name", name);
            xml.writeEndElement();
        }
    }

    private static void link(XMLStreamWriter xml, String rel, String type, URI href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href.toASCIIString());
    }

    /** RFC 3339, to the second, in the county's offset. */
    static String date(OffsetDateTime at) {
        return at.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * The text without what XML 1.0 cannot carry at all (control characters other than tab and line breaks, lone
     * surrogates, U+FFFE/U+FFFF): the writer escapes markup, but no escape makes those characters legal.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (legal) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
