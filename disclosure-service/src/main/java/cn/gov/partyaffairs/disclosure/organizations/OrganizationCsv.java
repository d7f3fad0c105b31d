package cn.gov.partyaffairs.disclosure.organizations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an organization import: UTF-8 CSV (a BOM from a spreadsheet is fine) with the header
 * {@code code,name,type,parentCode,cadenceMonths,disclosingSince}; the last three columns may be empty or left out.
 * Fields may be quoted; dates are ISO (2017-01-01).
 */
public final class OrganizationCsv {

    public static final String HEADER = "code,name,type,parentCode,cadenceMonths,disclosingSince";
    private static final String SHORT_HEADER = "code,name,type,parentCode,cadenceMonths";

    /** The rows that could be read, in file order (null where a row could not), and per row number what is wrong. */
    public record Parsed(List<RegisterOrganizationRequest> rows, Map<Integer, List<String>> malformed) {
    }

    private OrganizationCsv() {
    }

    public static Parsed parse(String text) {
        List<RegisterOrganizationRequest> rows = new ArrayList<>();
        Map<Integer, List<String>> malformed = new LinkedHashMap<>();
        String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n");
        String header = lines.length == 0 ? "" : lines[0].strip();
        if (!header.equalsIgnoreCase(HEADER) && !header.equalsIgnoreCase(SHORT_HEADER)) {
            malformed.put(0, List.of("第一行须为表头：" + HEADER));
            return new Parsed(rows, malformed);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int rowNumber = rows.size() + 1;
            List<String> fields = fields(lines[i]);
            if (fields.size() < 3 || fields.size() > 6) {
                malformed.put(rowNumber, List.of("应有 3 到 6 列，实有 " + fields.size() + " 列"));
                rows.add(null);
                continue;
            }
            Integer cadence = null;
            String cadenceText = fields.size() == 5 ? fields.get(4).strip() : "";
            if (!cadenceText.isEmpty()) {
                try {
                    cadence = Integer.valueOf(cadenceText);
                } catch (NumberFormatException e) {
                    malformed.put(rowNumber, List.of("cadenceMonths 须为 1 到 12 的整数"));
                    rows.add(null);
                    continue;
                }
            }
            LocalDate since = null;
            String sinceText = fields.size() == 6 ? fields.get(5).strip() : "";
            if (!sinceText.isEmpty()) {
                try {
                    since = LocalDate.parse(sinceText);
                } catch (DateTimeParseException e) {
                    malformed.put(rowNumber, List.of("disclosingSince 须为日期，如 2017-01-01"));
                    rows.add(null);
                    continue;
                }
            }
            String parent = fields.size() >= 4 && !fields.get(3).isBlank() ? fields.get(3).strip() : null;
            rows.add(new RegisterOrganizationRequest(fields.get(0).strip(), fields.get(1).strip(), fields.get(2).strip(),
                    parent, cadence, since));
        }
        return new Parsed(rows, malformed);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
