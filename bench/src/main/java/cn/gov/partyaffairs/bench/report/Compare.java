package cn.gov.partyaffairs.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./suite bench-compare A.json B.json}: whether two runs agree, ratio by ratio (a figure divided by its
 * baseline of the same run), within a tolerance (±20% unless {@code --tolerance=N}). Prints a Markdown table and
 * exits 1 when some ratio disagrees, so that a reader sees at once which figures the machine's noise moves.
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        double tolerance = 0.20;
        String[] files = new String[2];
        int found = 0;
        for (String arg : args) {
            if (arg.startsWith("--tolerance=")) {
                tolerance = Double.parseDouble(arg.substring("--tolerance=".length())) / 100.0;
            } else if (found < 2) {
                files[found++] = arg;
            }
        }
        if (found < 2) {
            System.err.println("usage: ./suite bench-compare A.json B.json [--tolerance=20]");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode a = mapper.readTree(Path.of(files[0]).toFile());
        JsonNode b = mapper.readTree(Path.of(files[1]).toFile());
        Map<String, JsonNode> second = new LinkedHashMap<>();
        b.get("figures").forEach(f -> second.put(f.get("id").asText(), f));
        StringBuilder table = new StringBuilder("| figure | ratio " + a.at("/context/run").asText() + " | ratio "
                + b.at("/context/run").asText() + " | difference | |\n|---|---:|---:|---:|---|\n");
        int compared = 0;
        int disagree = 0;
        for (JsonNode f : a.get("figures")) {
            JsonNode other = second.get(f.get("id").asText());
            if (!f.hasNonNull("ratio") || other == null || !other.hasNonNull("ratio")) {
                continue;
            }
            double first = f.get("ratio").asDouble();
            double then = other.get("ratio").asDouble();
            // Relative to the first run; a ratio of 0 in both agrees, one of 0 beside another value cannot.
            double difference = first == 0 ? (then == 0 ? 0 : Double.POSITIVE_INFINITY) : then / first - 1;
            boolean agrees = Math.abs(difference) <= tolerance;
            compared++;
            if (!agrees) {
                disagree++;
            }
            table.append(String.format(Locale.ROOT, "| %s | %.3f× | %.3f× | %+.0f%% | %s |%n", f.get("name").asText(),
                    first, then, difference * 100, agrees ? "✓" : "✗"));
        }
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%n%d ratios compared, %d within ±%.0f%%, %d outside%n", compared,
                compared - disagree, tolerance * 100, disagree);
        System.exit(disagree == 0 ? 0 : 1);
    }
}
