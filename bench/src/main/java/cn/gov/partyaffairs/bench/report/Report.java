package cn.gov.partyaffairs.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run as a table (printed and in Markdown) and as JSON, the figures beside their baselines and the targets. */
public final class Report {

    private final Results results;
    private final List<Targets.Verdict> verdicts;

    public Report(Results results) {
        this.results = results;
        this.verdicts = Targets.judge(results);
    }

    public List<Targets.Verdict> verdicts() {
        return verdicts;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ./suite bench — ").append(results.context().get("run")).append(" (").append(results.context().get("plan"))
                .append(")\n\n");
        for (var entry : results.context().entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?>)) {
                md.append("- ").append(entry.getKey()).append(": ").append(entry.getValue()).append('\n');
            }
        }
        Object jvm = results.context().get("jvm");
        if (jvm instanceof Map<?, ?> settings) {
            md.append("- JVM settings measured (the full run restarts every service with its Kubernetes manifest's):\n");
            settings.forEach((part, flags) -> md.append("  - ").append(part).append(": `").append(flags).append("`\n"));
        }
        md.append("\n## Targets\n\n| | target | goal | measured |\n|---|---|---|---|\n");
        for (Targets.Verdict v : verdicts) {
            md.append("| ").append(v.mark()).append(' ').append(v.id()).append(" | ").append(v.what()).append(" | ")
                    .append(v.goal()).append(" | ").append(v.measured()).append(" |\n");
        }
        String group = null;
        for (Results.Figure f : results.figures()) {
            if (!f.group().equals(group)) {
                group = f.group();
                md.append("\n## ").append(group).append("\n\n| figure | value | baseline | ratio |\n|---|---:|---|---:|\n");
            }
            double ratio = results.ratio(f);
            md.append("| ").append(f.name()).append(" | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "" : f.baseline()).append(" | ")
                    .append(Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f×", ratio)).append(" |\n");
        }
        if (!results.problems().isEmpty()) {
            md.append("\n## Problems\n\n");
            results.problems().forEach(p -> md.append("- ").append(p).append('\n'));
        }
        return md.toString();
    }

    /** The terminal table: the targets first, then every figure. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-4s %-3s %-58s %s%n", "", "", "target (goal)", "measured"));
        for (Targets.Verdict v : verdicts) {
            out.append(String.format(Locale.ROOT, "%-4s %-3s %-58s %s%n", v.mark(), v.id(), clip(v.what() + " (" + v.goal() + ")", 58),
                    v.measured()));
        }
        out.append(String.format(Locale.ROOT, "%n%-78s %14s %-8s %-30s %9s%n", "figure", "value", "", "baseline", "ratio"));
        for (Results.Figure f : results.figures()) {
            double ratio = results.ratio(f);
            out.append(String.format(Locale.ROOT, "%-78s %14s %-8s %-30s %9s%n", clip(f.name(), 78), number(f.value()),
                    clip(f.unit(), 8), f.baseline() == null ? "" : clip(f.baseline(), 30),
                    Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.3f×", ratio)));
        }
        results.problems().forEach(p -> out.append("PROBLEM: ").append(p).append('\n'));
        return out.toString();
    }

    public String json() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.set("context", mapper.valueToTree(results.context()));
        ArrayNode targets = root.putArray("targets");
        for (Targets.Verdict v : verdicts) {
            ObjectNode t = targets.addObject().put("id", v.id()).put("what", v.what()).put("goal", v.goal())
                    .put("measured", v.measured());
            if (v.met() == null) {
                t.putNull("met");
            } else {
                t.put("met", v.met());
            }
        }
        ArrayNode figures = root.putArray("figures");
        for (Results.Figure f : results.figures()) {
            ObjectNode node = figures.addObject().put("id", f.id()).put("group", f.group()).put("name", f.name())
                    .put("unit", f.unit());
            putNumber(node, "value", f.value());
            if (f.baseline() != null) {
                node.put("baseline", f.baseline());
                putNumber(node, "ratio", results.ratio(f));
            }
        }
        root.set("problems", mapper.valueToTree(results.problems()));
        return mapper.writeValueAsString(root);
    }

    public void write(Path directory, String stamp) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(stamp + ".md"), markdown());
        Files.writeString(directory.resolve(stamp + ".json"), json());
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
