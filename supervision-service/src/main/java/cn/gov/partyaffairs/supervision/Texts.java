package cn.gov.partyaffairs.supervision;

import cn.gov.partyaffairs.platform.publicinput.PlainText;

/** Free text typed by officials may reach the public (events, media submissions): it is kept as plain text. */
public final class Texts {

    private Texts() {
    }

    /** Plain text, or null when nothing is left. */
    public static String plain(String input) {
        String text = PlainText.of(input);
        return text == null || text.isEmpty() ? null : text;
    }
}
