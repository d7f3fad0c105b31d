package cn.gov.partyaffairs.gateway.export;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV as a spreadsheet opens it: UTF-8 with a byte order mark (the Chinese shows right), CRLF, RFC 4180 quoting. */
public final class Csv {

    public static final String BOM = "\uFEFF";
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    public static String row(List<?> cells) {
        return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quoted when it holds a comma, quote or line break; a leading formula sign is neutralised; null is empty. */
    public static String cell(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (Stream.of(",", "\"", "\n", "\r").anyMatch(text::contains)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
