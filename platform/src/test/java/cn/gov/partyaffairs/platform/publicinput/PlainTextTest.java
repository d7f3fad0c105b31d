package cn.gov.partyaffairs.platform.publicinput;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PlainTextTest {

    @Test
    void markupAndScriptsAreDroppedAndNoAngleBracketComesBack() {
        assertEquals("道路修得好！", PlainText.of("<script>alert('x')</script><b>道路修得好！</b>"));
        assertEquals("a & b", PlainText.of("a &amp; b"));
        String escaped = PlainText.of("&lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=alert(1)>");
        assertFalse(escaped.contains("<"), escaped);
        assertFalse(escaped.contains(">"), escaped);
        assertEquals("第一行\n第二行", PlainText.of("  第一行\n第二行  "));
    }
}
