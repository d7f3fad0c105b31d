package cn.gov.partyaffairs.deploy;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as it runs: the shared platform defaults, then its application.properties (without test
 * profiles), resolved against the environment its Deployment gives it. Knows which environment variables the
 * service reads at all, the way SmallRye Config and Quarkus's Kafka extension look them up.
 */
final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Kafka's own client settings: Quarkus hands every KAFKA_X_Y variable to the clients as x.y. */
    private static final Set<String> KAFKA_CLIENT_NAMES = new HashSet<>();
    /** Read by the container image's JVM launcher (run-java.sh), not by the service's configuration. */
    private static final Set<String> JVM_LAUNCHER_NAMES = Set.of("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS");

    static {
        KAFKA_CLIENT_NAMES.addAll(ProducerConfig.configNames());
        KAFKA_CLIENT_NAMES.addAll(ConsumerConfig.configNames());
        KAFKA_CLIENT_NAMES.addAll(AdminClientConfig.configNames());
    }

    final String module;
    final Map<String, String> properties = new LinkedHashMap<>();
    /** Environment variables named in ${...} expressions, with their defaults ("" when none). */
    final Map<String, String> envReferences = new LinkedHashMap<>();

    ServiceConfig(String module) {
        this.module = module;
        load(Rendered.SUITE.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        load(Rendered.SUITE.resolve(module).resolve("src/main/resources/application.properties"));
        for (String value : properties.values()) {
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (ENV_NAME.matcher(m.group(1)).matches()) {
                    envReferences.put(m.group(1), m.group(2) == null ? "" : m.group(2));
                }
            }
        }
    }

    private void load(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        for (String key : new TreeSet<>(loaded.stringPropertyNames())) {
            if (!key.startsWith("%")) {
                properties.put(key, loaded.getProperty(key));
            }
        }
    }

    /** The name SmallRye Config looks up in the environment for a property. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Whether setting this environment variable changes anything the service reads. */
    boolean reads(String env) {
        if (envReferences.containsKey(env) || JVM_LAUNCHER_NAMES.contains(env)) {
            return true;
        }
        if (properties.keySet().stream().anyMatch(key -> envName(key).equals(env))) {
            return true;
        }
        return env.startsWith("KAFKA_")
                && KAFKA_CLIENT_NAMES.contains(env.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    /** A property's value with the given environment, as the running service would see it (null when unset). */
    String resolve(String property, Map<String, String> env) {
        String envValue = env.get(envName(property));
        if (envValue != null) {
            return envValue;
        }
        String value = properties.get(property);
        return value == null ? null : expand(value, env, 0);
    }

    private String expand(String value, Map<String, String> env, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("expression loop in " + module + ": " + value);
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = env.get(name);
            if (replacement == null && properties.containsKey(name)) {
                replacement = resolve(name, env);
            }
            if (replacement == null) {
                replacement = m.group(2) == null ? "" : expand(m.group(2), env, depth + 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
