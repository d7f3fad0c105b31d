package cn.gov.partyaffairs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests and the services agree: every setting a Deployment gives a service is one the service reads, every
 * address it needs points at something the manifests make (database, Kafka listener and user, topics, Keycloak,
 * the other services), and the port it listens on is the one its probes and Service use.
 */
class ConfigurationTest {

    static final List<String> SERVICES = List.of("disclosure-service", "commitment-service", "supervision-service", "gateway");
    private static final String SECRET = "secret:";

    static Stream<org.junit.jupiter.params.provider.Arguments> overlaysAndServices() {
        return Rendered.overlays().stream()
                .flatMap(o -> SERVICES.stream().map(s -> org.junit.jupiter.params.provider.Arguments.of(o, s)));
    }

    /** What the service's container finds in its environment; a Secret's value stands as "secret:name/key". */
    static Map<String, String> environment(Rendered rendered, ObjectNode deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                rendered.get("ConfigMap", from.at("/configMapRef/name").asText()).path("data").fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
            if (from.has("secretRef")) {
                throw new AssertionError(Rendered.id(deployment) + ": envFrom a whole Secret hides which names are set");
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.get("value").asText());
            } else if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                env.put(name, SECRET + ref.path("name").asText() + "/" + ref.path("key").asText());
            } else if (variable.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
                env.put(name, rendered.get("ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText());
            } else {
                env.put(name, "");
            }
        }
        return env;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void theServiceReadsEverythingItsDeploymentSets(String overlay, String service) {
        Rendered rendered = Rendered.overlay(overlay);
        ServiceConfig config = new ServiceConfig(service);
        Map<String, String> env = environment(rendered, rendered.get("Deployment", service));
        List<String> unread = env.keySet().stream().filter(name -> !config.reads(name)).toList();
        assertTrue(unread.isEmpty(), overlay + ": " + service + " reads no setting named " + unread
                + " (its application.properties and the platform's microprofile-config.properties name "
                + new TreeSet<>(config.envReferences.keySet()) + ")");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void everyAddressTheServiceNeedsIsSetAndExists(String overlay, String service) throws IOException {
        Rendered rendered = Rendered.overlay(overlay);
        ServiceConfig config = new ServiceConfig(service);
        ObjectNode deployment = rendered.get("Deployment", service);
        Map<String, String> env = environment(rendered, deployment);
        List<String> problems = new ArrayList<>();

        assertTrue(service.equals(config.resolve("quarkus.application.name", env)),
                "the Kubernetes name of " + service + " is not its quarkus.application.name");

        // A local default (localhost, an empty password, the superuser) must never be what a pod runs with.
        config.envReferences.forEach((name, fallback) -> {
            boolean localDefault = fallback.isEmpty() || fallback.contains("localhost") || fallback.contains("127.0.0.1");
            if ((localDefault || name.equals("PGUSER")) && !env.containsKey(name)) {
                problems.add(name + " is not set, so the service would use " + (fallback.isEmpty() ? "nothing" : fallback));
            }
        });

        // The port it listens on is the container port the probes and the Service use.
        String port = config.resolve("quarkus.http.port", env);
        JsonNode http = find(deployment.at("/spec/template/spec/containers/0/ports"), "name", "http");
        if (http == null || !port.equals(http.path("containerPort").asText())) {
            problems.add("listens on " + port + " but its container port \"http\" is " + (http == null ? "missing" : http.path("containerPort")));
        }

        database(rendered, config, env, problems);
        kafka(rendered, config, deployment, env, problems);
        keycloak(rendered, config, env, problems);
        if (service.equals("gateway")) {
            for (String target : List.of("disclosure", "commitment", "supervision")) {
                String url = config.resolve("gateway.services." + target, env);
                serviceUrl(rendered, url, target + "-service", problems);
            }
        }
        assertTrue(problems.isEmpty(), overlay + ": " + service + ":\n" + String.join("\n", problems));
    }

    private static void database(Rendered rendered, ServiceConfig config, Map<String, String> env, List<String> problems) {
        String url = config.resolve("quarkus.datasource.jdbc.url", env);
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(url);
        if (!m.matches()) {
            problems.add("a JDBC URL the test cannot read: " + url);
            return;
        }
        String host = m.group(1);
        if (!host.endsWith("-rw")) {
            problems.add("the database host " + host + " is not a CloudNativePG primary service (<cluster>-rw)");
            return;
        }
        String clusterName = host.substring(0, host.length() - 3);
        var cluster = rendered.find("Cluster", clusterName);
        if (cluster.isEmpty()) {
            problems.add("no CloudNativePG Cluster " + clusterName + " for database host " + host);
            return;
        }
        String database = cluster.get().at("/spec/bootstrap/initdb/database").asText();
        if (!database.equals(m.group(3))) {
            problems.add("uses database " + m.group(3) + " but Cluster " + clusterName + " makes " + database);
        }
        if (!m.group(2).equals("5432")) {
            problems.add("database port " + m.group(2) + " is not PostgreSQL's 5432");
        }
        String secret = SECRET + clusterName + "-app/";
        if (!(secret + "username").equals(env.get("PGUSER")) || !(secret + "password").equals(env.get("PGPASSWORD"))) {
            problems.add("PGUSER/PGPASSWORD do not come from " + clusterName + "-app, the owner's Secret CloudNativePG makes");
        }
        String owner = cluster.get().at("/spec/bootstrap/initdb/owner").asText();
        if (!owner.equals(database)) {
            problems.add("Cluster " + clusterName + " makes database " + database + " owned by " + owner);
        }
    }

    private static void kafka(Rendered rendered, ServiceConfig config, ObjectNode deployment, Map<String, String> env,
                              List<String> problems) throws IOException {
        String service = config.module;
        String bootstrap = config.resolve("kafka.bootstrap.servers", env);
        Matcher m = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap:(\\d+)").matcher(bootstrap);
        if (!m.matches()) {
            problems.add("kafka.bootstrap.servers " + bootstrap + " is not a Strimzi bootstrap service");
            return;
        }
        ObjectNode kafka = rendered.get("Kafka", m.group(1));
        JsonNode listener = find(kafka.at("/spec/kafka/listeners"), "port", m.group(2));
        if (listener == null) {
            problems.add("Kafka " + m.group(1) + " has no listener on port " + m.group(2));
            return;
        }
        String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        boolean tls = listener.path("tls").asBoolean();
        String authentication = listener.at("/authentication/type").asText("");
        String expected = (authentication.startsWith("scram") ? "SASL_" : "") + (tls ? "SSL" : "PLAINTEXT");
        if (!expected.equals(protocol)) {
            problems.add("listener " + listener.path("name").asText() + " wants " + expected + ", the service uses " + protocol);
        }
        if (tls) {
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            if (truststore == null || !mountedFromSecret(deployment, truststore, m.group(1) + "-cluster-ca-cert")) {
                problems.add("the Kafka truststore " + truststore + " is not mounted from " + m.group(1) + "-cluster-ca-cert");
            }
        }
        if (authentication.equals("scram-sha-512")) {
            if (!"SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM"))) {
                problems.add("listener wants SCRAM-SHA-512, KAFKA_SASL_MECHANISM is " + env.get("KAFKA_SASL_MECHANISM"));
            }
            if (!(SECRET + service + "/sasl.jaas.config").equals(env.get("KAFKA_SASL_JAAS_CONFIG"))) {
                problems.add("KAFKA_SASL_JAAS_CONFIG does not come from Secret " + service + " of its KafkaUser");
            }
        }

        // Topics: what it consumes, its own event topic (written by the outbox relay) and its dead-letter topic.
        Set<String> reads = new TreeSet<>();
        Set<String> patterns = new TreeSet<>();
        config.properties.keySet().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .forEach(k -> ("true".equals(config.resolve(k.replaceFirst("\\.topic$", ".pattern"), env)) ? patterns : reads)
                        .add(config.resolve(k, env)));
        Set<String> writes = new TreeSet<>();
        if (!"false".equals(config.resolve("platform.outbox.enabled", env))) {
            String own = service.replace("-service", "") + ".events";
            if (!contractTopics().contains(own)) {
                problems.add("its event topic " + own + " is not one of contracts' Topics " + contractTopics());
            }
            writes.add(own);
        }
        if ("dead-letter-queue".equals(config.resolve("mp.messaging.connector.smallrye-kafka.failure-strategy", env))) {
            writes.add(config.resolve("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic", env));
        }
        // A replay puts a parked record back onto the topic it came from (the gateway's dead letters).
        String replays = config.properties.containsKey("gateway.dead-letters.replay-topics")
                ? config.resolve("gateway.dead-letters.replay-topics", env) : null;
        if (replays != null) {
            for (String topic : replays.split(",")) {
                writes.add(topic.trim());
            }
        }
        Set<String> topics = new TreeSet<>();
        for (ObjectNode topic : rendered.ofKind("KafkaTopic")) {
            topics.add(topic.at("/spec/topicName").asText(Rendered.name(topic)));
        }
        // A channel subscribed by pattern reads every topic the pattern matches: at least one, each one allowed.
        for (String pattern : patterns) {
            List<String> matched = topics.stream().filter(t -> t.matches(pattern)).toList();
            if (matched.isEmpty()) {
                problems.add("no KafkaTopic matches the pattern " + pattern);
            }
            reads.addAll(matched);
        }
        Stream.concat(reads.stream(), writes.stream()).filter(t -> !topics.contains(t))
                .forEach(t -> problems.add("topic " + t + " is used but no KafkaTopic makes it"));

        // Its KafkaUser lets it do exactly that: write only its own topics.
        ObjectNode user = rendered.find("KafkaUser", service).orElse(null);
        if (user == null) {
            problems.add("no KafkaUser " + service);
            return;
        }
        String group = config.resolve("mp.messaging.connector.smallrye-kafka.group.id", env);
        for (String topic : reads) {
            if (!allows(user, "topic", topic, "Read")) {
                problems.add("KafkaUser " + service + " may not read " + topic);
            }
        }
        if (!reads.isEmpty() && !allows(user, "group", group, "Read")) {
            problems.add("KafkaUser " + service + " may not use consumer group " + group);
        }
        for (String topic : writes) {
            if (!allows(user, "topic", topic, "Write")) {
                problems.add("KafkaUser " + service + " may not write " + topic);
            }
        }
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            boolean write = acl.path("operations").toString().matches(".*\"(Write|All|Create|Delete|Alter)\".*");
            String resource = acl.at("/resource/name").asText();
            if (write && acl.at("/resource/type").asText().equals("topic")
                    && (!writes.contains(resource) || !acl.at("/resource/patternType").asText("literal").equals("literal"))) {
                problems.add("KafkaUser " + service + " may write " + resource + ", which is not its own");
            }
        }
    }

    private static void keycloak(Rendered rendered, ServiceConfig config, Map<String, String> env, List<String> problems) {
        URI issuer = URI.create(config.resolve("quarkus.oidc.auth-server-url", env));
        Matcher host = Pattern.compile("(.+)-service").matcher(issuer.getHost());
        ObjectNode keycloak = host.matches() ? rendered.find("Keycloak", host.group(1)).orElse(null) : null;
        if (keycloak == null) {
            problems.add("quarkus.oidc.auth-server-url " + issuer + " is not the service of a Keycloak in the manifests");
            return;
        }
        if (!keycloak.at("/spec/http/httpEnabled").asBoolean() || issuer.getPort() != keycloak.at("/spec/http/httpPort").asInt(8080)
                || !"http".equals(issuer.getScheme())) {
            problems.add(issuer + " does not match Keycloak's HTTP port " + keycloak.at("/spec/http"));
        }
        String realmName = issuer.getPath().replaceFirst("^/realms/", "");
        ObjectNode realm = rendered.ofKind("KeycloakRealmImport").stream()
                .filter(r -> r.at("/spec/realm/realm").asText().equals(realmName)).findFirst().orElse(null);
        if (realm == null) {
            problems.add("no KeycloakRealmImport brings realm " + realmName);
            return;
        }
        String clientId = config.resolve("quarkus.oidc.client-id", env);
        if (find(realm.at("/spec/realm/clients"), "clientId", clientId) == null) {
            problems.add("realm " + realmName + " has no client " + clientId);
        }
    }

    private static void serviceUrl(Rendered rendered, String url, String expected, List<String> problems) {
        URI uri = URI.create(url);
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        ObjectNode target = rendered.find("Service", uri.getHost()).orElse(null);
        if (!expected.equals(uri.getHost()) || target == null || find(target.at("/spec/ports"), "port", String.valueOf(port)) == null) {
            problems.add(url + " is not port " + port + " of Service " + expected);
        } else if (!expected.equals(target.at("/spec/selector/app.kubernetes.io~1name").asText())) {
            problems.add("Service " + expected + " does not select the pods of Deployment " + expected);
        }
    }

    static boolean allows(JsonNode user, String type, String name, String operation) {
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            boolean prefix = resource.path("patternType").asText("literal").equals("prefix");
            String aclName = resource.path("name").asText();
            boolean matches = prefix ? name.startsWith(aclName) : name.equals(aclName) || aclName.equals("*");
            if (!acl.path("type").asText("allow").equals("deny") && resource.path("type").asText().equals(type) && matches
                    && acl.path("operations").toString().contains("\"" + operation + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mountedFromSecret(ObjectNode deployment, String file, String secret) {
        JsonNode pod = deployment.at("/spec/template/spec");
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (file.startsWith(mount.path("mountPath").asText() + "/")) {
                JsonNode volume = find(pod.path("volumes"), "name", mount.path("name").asText());
                return volume != null && secret.equals(volume.at("/secret/secretName").asText());
            }
        }
        return false;
    }

    static Set<String> contractTopics() throws IOException {
        String source = Files.readString(Rendered.SUITE.resolve("contracts/src/main/java/cn/gov/partyaffairs/contracts/Topics.java"));
        Set<String> topics = new TreeSet<>();
        Matcher m = Pattern.compile("String\\s+\\w+\\s*=\\s*\"([^\"]+)\"").matcher(source);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        return null;
    }
}
