package cn.gov.partyaffairs.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM settings a service's Kubernetes Deployment gives it, as flags for a JVM on this machine: the container's
 * memory limit becomes {@code -XX:MaxRAM} (so heap percentages mean the same as in the pod), its CPU limit
 * {@code -XX:ActiveProcessorCount}, and the {@code JAVA_OPTS_APPEND} the container gets is passed as it is.
 * The launcher starts the services with these for the benchmark ({@code SUITE_JVM=production}).
 *
 * <p>{@code java -cp … ManifestJvm <deploy dir> <service>} prints the flags on one line.
 */
public final class ManifestJvm {

    private ManifestJvm() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ManifestJvm <deploy dir> <service>");
            System.exit(2);
        }
        System.out.println(String.join(" ", flags(Path.of(args[0]), args[1])));
    }

    public static List<String> flags(Path deploy, String service) throws IOException {
        Path manifest = deploy.resolve("base").resolve(service).resolve("deployment.yaml");
        JsonNode deployment = new ObjectMapper(new YAMLFactory()).readTree(manifest.toFile());
        JsonNode container = null;
        for (JsonNode candidate : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (service.equals(candidate.path("name").asText())) {
                container = candidate;
            }
        }
        if (container == null) {
            throw new IllegalStateException(manifest + " has no container named " + service);
        }
        List<String> flags = new ArrayList<>();
        JsonNode limits = container.path("resources").path("limits");
        if (limits.hasNonNull("memory")) {
            flags.add("-XX:MaxRAM=" + bytes(limits.get("memory").asText()));
        }
        if (limits.hasNonNull("cpu")) {
            flags.add("-XX:ActiveProcessorCount=" + (int) Math.max(1, Math.ceil(cpus(limits.get("cpu").asText()))));
        }
        for (JsonNode variable : container.path("env")) {
            if ("JAVA_OPTS_APPEND".equals(variable.path("name").asText())) {
                for (String flag : variable.path("value").asText().trim().split("\\s+")) {
                    if (!flag.isEmpty()) {
                        flags.add(flag);
                    }
                }
            }
        }
        return flags;
    }

    /** A Kubernetes quantity of memory ({@code 768Mi}, {@code 1Gi}, {@code 512M}) in bytes. */
    static long bytes(String quantity) {
        String q = quantity.trim();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"K", "1000"}, {"M", "1000000"},
                {"G", "1000000000"}};
        for (String[] unit : units) {
            if (q.endsWith(unit[0])) {
                return (long) (Double.parseDouble(q.substring(0, q.length() - unit[0].length())) * Long.parseLong(unit[1]));
            }
        }
        return Long.parseLong(q);
    }

    /** A Kubernetes quantity of CPU ({@code 1}, {@code 1500m}) in cores. */
    static double cpus(String quantity) {
        String q = quantity.trim().toLowerCase(Locale.ROOT);
        return q.endsWith("m") ? Double.parseDouble(q.substring(0, q.length() - 1)) / 1000 : Double.parseDouble(q);
    }
}
