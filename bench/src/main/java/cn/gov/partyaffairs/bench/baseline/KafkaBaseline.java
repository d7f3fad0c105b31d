package cn.gov.partyaffairs.bench.baseline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's own Kafka broker, measured with Kafka's own tools from the release the suite runs: producer throughput
 * ({@code ProducerPerformance}, acks=all, 100-byte records) and end-to-end latency ({@code EndToEndLatency}, produce
 * then consume one record at a time), on scratch topics.
 */
public final class KafkaBaseline {

    private static final Pattern PRODUCED = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99.9th = ([0-9.]+)");

    public record Figures(double recordsPerSecond, double producerP99Millis, double endToEndAvgMillis,
                          double endToEndP50Millis, double endToEndP99Millis) {
    }

    public static Figures measure(String bootstrap, String classpath, int records, int roundTrips) {
        String produced = Processes.run(List.of(Processes.java(), "-Xmx512m", "-cp", classpath,
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.producer-performance",
                "--num-records", Integer.toString(records), "--record-size", "100", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all"), Map.of(), Duration.ofMinutes(5));
        Matcher p = last(PRODUCED, produced);
        String latency = Processes.run(List.of(Processes.java(), "-Xmx256m", "-cp", classpath,
                "org.apache.kafka.tools.EndToEndLatency", bootstrap, "bench.end-to-end-latency",
                Integer.toString(roundTrips), "all", "100"), Map.of(), Duration.ofMinutes(5));
        Matcher avg = last(AVERAGE, latency);
        Matcher pct = last(PERCENTILES, latency);
        return new Figures(Double.parseDouble(p.group(2)), Double.parseDouble(p.group(8)),
                Double.parseDouble(avg.group(1)), Double.parseDouble(pct.group(1)), Double.parseDouble(pct.group(2)));
    }

    private static Matcher last(Pattern pattern, String printed) {
        Matcher m = pattern.matcher(printed);
        Matcher found = null;
        int at = 0;
        while (m.find(at)) {
            found = pattern.matcher(printed);
            found.find(m.start());
            at = m.end();
        }
        if (found == null) {
            throw new IllegalStateException("Kafka's tool printed no figures: " + Processes.tail(printed));
        }
        return found;
    }
}
