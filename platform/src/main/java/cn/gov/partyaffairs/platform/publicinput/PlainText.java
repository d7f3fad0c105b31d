package cn.gov.partyaffairs.platform.publicinput;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * What the public types, reduced to plain text: markup and scripts are dropped, entities decoded, and any angle
 * bracket left (typed as text or as an entity) becomes its full-width form, so no tag can ever come back out.
 */
public final class PlainText {

    private static final Document.OutputSettings KEEP_LINES = new Document.OutputSettings().prettyPrint(false);

    private PlainText() {
    }

    public static String of(String input) {
        if (input == null) {
            return null;
        }
        String cleaned = Jsoup.clean(input, "", Safelist.none(), KEEP_LINES);
        return Parser.unescapeEntities(cleaned, false)
                .replace('<', '＜')
                .replace('>', '＞')
                .strip();
    }
}
