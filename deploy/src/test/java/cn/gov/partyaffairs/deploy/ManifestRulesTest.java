package cn.gov.partyaffairs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of issue 8 that a schema cannot express: health, limits, hardening, no secrets, availability, isolation. */
class ManifestRulesTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|jaas|private.?key|credential).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z0-9_]+}");

    static List<String> overlays() {
        return Rendered.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasProbesLimitsAndAHardenedPod(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        assertEquals(Set.copyOf(ConfigurationTest.SERVICES),
                Set.copyOf(rendered.ofKind("Deployment").stream().map(Rendered::name).toList()), "one Deployment per service");
        for (ObjectNode deployment : rendered.ofKind("Deployment")) {
            String id = Rendered.id(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                problems.add(id + ": pod may run as root");
            }
            if (pod.path("enableServiceLinks").asBoolean(true)) {
                problems.add(id + ": service links on (they set GATEWAY_PORT=tcp://..., which the gateway reads as its port)");
            }
            if (!"true".equals(deployment.at("/spec/template/metadata/annotations/prometheus.io~1scrape").asText())
                    || !"/q/metrics".equals(deployment.at("/spec/template/metadata/annotations/prometheus.io~1path").asText())) {
                problems.add(id + ": Prometheus does not scrape /q/metrics");
            }
            String scraped = deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText();
            for (JsonNode container : pod.path("containers")) {
                String where = id + "/" + container.path("name").asText();
                if (!scraped.equals(containerPort(container, "management"))) {
                    problems.add(where + ": Prometheus scrapes port " + scraped + ", not the management port");
                }
                probe(container, "startupProbe", "/q/health/started", where, problems);
                probe(container, "livenessProbe", "/q/health/live", where, problems);
                probe(container, "readinessProbe", "/q/health/ready", where, problems);
                limits(container.path("resources"), where, problems);
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean() || security.path("allowPrivilegeEscalation").asBoolean(true)
                        || !security.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                    problems.add(where + ": root file system writable, privilege escalation allowed or capabilities kept");
                }
                String image = container.path("image").asText();
                if (!image.matches(".+/.+:[^/:]+") || image.endsWith(":latest")) {
                    problems.add(where + ": image " + image + " has no registry or no fixed tag (the overlay sets both)");
                }
            }
        }
        // The operators' pods get limits too.
        rendered.ofKind("KafkaNodePool").forEach(o -> limits(o.at("/spec/resources"), Rendered.id(o), problems));
        rendered.ofKind("Cluster").forEach(o -> limits(o.at("/spec/resources"), Rendered.id(o), problems));
        rendered.ofKind("Keycloak").forEach(o -> limits(o.at("/spec/resources"), Rendered.id(o), problems));
        rendered.ofKind("Kafka").forEach(o -> o.at("/spec/entityOperator").fields().forEachRemaining(
                e -> limits(e.getValue().path("resources"), Rendered.id(o) + " " + e.getKey(), problems)));
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    private static void probe(JsonNode container, String kind, String path, String where, List<String> problems) {
        JsonNode get = container.path(kind).path("httpGet");
        Set<String> ports = new TreeSet<>();
        container.path("ports").forEach(p -> {
            ports.add(p.path("name").asText());
            ports.add(p.path("containerPort").asText());
        });
        if (!path.equals(get.path("path").asText()) || !ports.contains(get.path("port").asText())) {
            problems.add(where + ": no " + kind + " on " + path + " at a port of the container");
        }
        if (!"management".equals(get.path("port").asText())) {
            problems.add(where + ": " + kind + " not on the management port (the health checks live only there)");
        }
    }

    private static void limits(JsonNode resources, String where, List<String> problems) {
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(kind).path(resource).asText().isEmpty()) {
                    problems.add(where + ": no " + resource + " " + kind);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsInTheManifests(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : rendered.objects) {
            String id = Rendered.id(object);
            if (object.path("kind").asText().equals("Secret") && (object.has("data") || object.has("stringData"))) {
                problems.add(id + ": a Secret with its values");
            }
            if (object.path("kind").asText().equals("ConfigMap")) {
                object.path("data").fields().forEachRemaining(e -> {
                    if (SECRET_NAME.matcher(e.getKey()).matches() || e.getValue().asText().contains("password=")) {
                        problems.add(id + ": " + e.getKey() + " looks like a secret in a ConfigMap");
                    }
                });
            }
            for (JsonNode container : object.at("/spec/template/spec/containers")) {
                for (JsonNode env : container.path("env")) {
                    if (SECRET_NAME.matcher(env.path("name").asText()).matches() && env.has("value")) {
                        problems.add(id + ": " + env.path("name").asText() + " is given as a literal value");
                    }
                }
            }
            literalSecrets(object, "", id, problems);
        }
        // The realm: every placeholder is filled from a Secret the import knows of.
        for (ObjectNode realmImport : rendered.ofKind("KeycloakRealmImport")) {
            Matcher m = PLACEHOLDER.matcher(Rendered.JSON.writeValueAsString(realmImport.at("/spec/realm")));
            while (m.find()) {
                String name = m.group().substring(2, m.group().length() - 1);
                if (realmImport.at("/spec/placeholders/" + name + "/secret/name").asText().isEmpty()) {
                    problems.add(Rendered.id(realmImport) + ": placeholder " + name + " has no Secret");
                }
            }
        }
        // Every Secret the manifests refer to is made by an operator or listed in the runbook for the operator to make.
        String readme = Files.readString(Rendered.DEPLOY.resolve("README.md"));
        for (String secret : referencedSecrets(rendered)) {
            if (!operatorMade(rendered, secret) && !readme.contains("| `" + secret + "` |")) {
                problems.add("Secret " + secret + " is used but neither an operator makes it nor deploy/README.md's table lists it");
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    /** A field that holds a secret itself (not a reference to one) must be a placeholder. */
    private static void literalSecrets(JsonNode node, String path, String id, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                JsonNode value = field.getValue();
                boolean holdsSecret = key.matches("(?i)password|secret|clientSecret|token|sasl\\.jaas\\.config")
                        || (key.equals("value") && path.endsWith("/credentials"));
                if (holdsSecret && value.isTextual() && !value.asText().isEmpty() && !PLACEHOLDER.matcher(value.asText()).matches()) {
                    problems.add(id + ": " + path + "/" + key + " holds a literal secret");
                }
                literalSecrets(value, path + "/" + key, id, problems);
            }
        } else if (node.isArray()) {
            String arrayPath = path;
            node.forEach(element -> literalSecrets(element, arrayPath, id, problems));
        }
    }

    static Set<String> referencedSecrets(Rendered rendered) {
        Set<String> names = new TreeSet<>();
        for (ObjectNode object : rendered.objects) {
            collectSecrets(object, "", names);
        }
        return names;
    }

    private static void collectSecrets(JsonNode node, String key, Set<String> names) {
        if (node.isObject()) {
            if (key.matches("secretKeyRef|secret|usernameSecret|passwordSecret|accessKeyId|secretAccessKey|region|sessionToken|endpointCA")
                    && node.has("name")) {
                names.add(node.path("name").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (e.getKey().matches("secretName|tlsSecret") && e.getValue().isTextual()) {
                    names.add(e.getValue().asText());
                }
                collectSecrets(e.getValue(), e.getKey(), names);
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSecrets(element, key, names));
        }
    }

    private static boolean operatorMade(Rendered rendered, String secret) {
        return rendered.ofKind("Cluster").stream().anyMatch(c -> secret.equals(Rendered.name(c) + "-app"))
                || rendered.ofKind("KafkaUser").stream().anyMatch(u -> secret.equals(Rendered.name(u)))
                || rendered.ofKind("Kafka").stream().anyMatch(k -> secret.equals(Rendered.name(k) + "-cluster-ca-cert"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsFitTheBrokers(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        int brokers = rendered.ofKind("KafkaNodePool").stream()
                .filter(p -> p.at("/spec/roles").toString().contains("broker")).mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        int minInSync = rendered.get("Kafka", "suite-kafka").at("/spec/kafka/config/min.insync.replicas").asInt(1);
        for (ObjectNode topic : rendered.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            assertTrue(replicas <= brokers && minInSync <= replicas,
                    overlay + ": " + Rendered.id(topic) + " wants " + replicas + " replicas, min in sync " + minInSync + ", on " + brokers + " brokers");
        }
    }

    @Test
    void productionIsHighlyAvailable() {
        Rendered production = Rendered.overlay("production");
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : production.ofKind("Deployment")) {
            String name = Rendered.name(deployment);
            if (deployment.at("/spec/replicas").isNumber()) {
                problems.add(name + ": a fixed replica count would reset the autoscaler on every apply");
            }
            if (production.ofKind("HorizontalPodAutoscaler").stream().noneMatch(h -> name.equals(h.at("/spec/scaleTargetRef/name").asText())
                    && h.at("/spec/minReplicas").asInt() >= 2)) {
                problems.add(name + ": no autoscaler keeping at least two replicas");
            }
            if (production.ofKind("PodDisruptionBudget").stream().noneMatch(p -> name.equals(p.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()))) {
                problems.add(name + ": no disruption budget");
            }
            if (deployment.at("/spec/template/spec/affinity/podAntiAffinity").isMissingNode()) {
                problems.add(name + ": replicas may share a node");
            }
        }
        for (ObjectNode cluster : production.ofKind("Cluster")) {
            if (cluster.at("/spec/instances").asInt() < 3 || cluster.at("/spec/backup/barmanObjectStore").isMissingNode()) {
                problems.add(Rendered.id(cluster) + ": fewer than three instances or no backup");
            }
            if (production.ofKind("ScheduledBackup").stream().noneMatch(b -> Rendered.name(cluster).equals(b.at("/spec/cluster/name").asText()))) {
                problems.add(Rendered.id(cluster) + ": no scheduled backup");
            }
        }
        production.ofKind("KafkaTopic").stream().filter(t -> t.at("/spec/replicas").asInt() < 3)
                .forEach(t -> problems.add(Rendered.id(t) + ": fewer than three replicas"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableAndEachDatabaseOnlyFromItsService(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        List<ObjectNode> policies = rendered.ofKind("NetworkPolicy");
        if (policies.stream().noneMatch(p -> p.at("/spec/podSelector").isEmpty() && p.at("/spec/ingress").isMissingNode()
                && p.at("/spec/policyTypes").toString().contains("Ingress"))) {
            problems.add("no default-deny ingress policy");
        }
        for (ObjectNode ingress : rendered.ofKind("Ingress")) {
            ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path -> {
                if (!"gateway".equals(path.at("/backend/service/name").asText())) {
                    problems.add(Rendered.id(ingress) + " exposes " + path.at("/backend/service/name").asText());
                }
            }));
        }
        for (ObjectNode policy : policies) {
            String selected = policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText(
                    policy.at("/spec/podSelector/matchLabels/app").asText(policy.at("/spec/podSelector").toString()));
            boolean fromOutside = policy.at("/spec/ingress").toString().contains("ingress-nginx");
            if (fromOutside && !selected.equals("gateway") && !selected.equals("keycloak")) {
                problems.add(Rendered.id(policy) + " lets the ingress controller reach " + selected);
            }
        }
        for (String service : ConfigurationTest.SERVICES) {
            String cluster = service.replace("-service", "") + "-db";
            for (ObjectNode policy : policies) {
                if (!cluster.equals(policy.at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText())) {
                    continue;
                }
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    for (JsonNode peer : rule.path("from")) {
                        String app = peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText(null);
                        boolean own = cluster.equals(peer.at("/podSelector/matchLabels/cnpg.io~1cluster").asText());
                        boolean operator = "cnpg-system".equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                        if (!own && !operator && !service.equals(app)) {
                            problems.add(Rendered.id(policy) + " lets " + peer + " reach the database of " + service);
                        }
                    }
                }
            }
            if (policies.stream().noneMatch(p -> cluster.equals(p.at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText()))) {
                problems.add("no policy for database " + cluster + ", so the default denies even " + service);
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    /**
     * The management interface (health, metrics, OpenAPI) is reached by the kubelet and Prometheus only: no Service
     * offers its port, no Ingress leads to it, and of the network policies only Prometheus's opens it.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theManagementInterfaceIsNeverExposed(String overlay) {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> managementPorts = new TreeSet<>();
        for (ObjectNode deployment : rendered.ofKind("Deployment")) {
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                String port = containerPort(container, "management");
                if (port.isEmpty()) {
                    problems.add(Rendered.id(deployment) + ": no management port");
                }
                managementPorts.add(port);
                managementPorts.add("management");
            }
        }
        for (ObjectNode service : rendered.ofKind("Service")) {
            if (!ConfigurationTest.SERVICES.contains(Rendered.name(service))) {
                continue;
            }
            for (JsonNode port : service.at("/spec/ports")) {
                if (managementPorts.contains(port.path("targetPort").asText()) || managementPorts.contains(port.path("port").asText())) {
                    problems.add(Rendered.id(service) + " offers the management port " + port.path("targetPort").asText());
                }
            }
        }
        for (ObjectNode ingress : rendered.ofKind("Ingress")) {
            ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(path -> {
                if (!"http".equals(path.at("/backend/service/port/name").asText())) {
                    problems.add(Rendered.id(ingress) + " leads to port " + path.at("/backend/service/port"));
                }
            }));
        }
        for (ObjectNode policy : rendered.ofKind("NetworkPolicy")) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                boolean opensManagement = false;
                for (JsonNode port : rule.path("ports")) {
                    opensManagement |= managementPorts.contains(port.path("port").asText());
                }
                boolean fromMonitoring = rule.path("from").size() > 0;
                for (JsonNode peer : rule.path("from")) {
                    fromMonitoring &= "monitoring".equals(
                            peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
                }
                if (opensManagement && !fromMonitoring) {
                    problems.add(Rendered.id(policy) + " opens the management port to " + rule.path("from"));
                }
                if (!opensManagement && rule.path("ports").isEmpty() && ConfigurationTest.SERVICES.stream().anyMatch(
                        service -> policy.at("/spec/podSelector").toString().contains(service))) {
                    problems.add(Rendered.id(policy) + " opens every port of a service, the management port too");
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    private static String containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asText();
            }
        }
        return "";
    }

    /** Production is TLS only: every part tells browsers so (HSTS, a year); the local overlay does not. */
    @Test
    void productionSendsStrictTransportSecurity() {
        for (String overlay : List.of("production", "local")) {
            Rendered rendered = Rendered.overlay(overlay);
            for (String service : ConfigurationTest.SERVICES) {
                String hsts = ConfigurationTest.environment(rendered, rendered.get("Deployment", service))
                        .getOrDefault("STRICT_TRANSPORT_SECURITY", "");
                if (overlay.equals("production")) {
                    assertTrue(hsts.matches("max-age=(3153[6-9]\\d{3}|[4-9]\\d{7}|\\d{9,}).*"), service + ": HSTS " + hsts);
                } else {
                    assertTrue(hsts.isEmpty(), service + " sends HSTS locally: " + hsts);
                }
            }
        }
    }

    /**
     * The production realm locks an account after repeated failed sign-ins, has a password policy and lets no client
     * take a password directly; the launcher's local realm keeps suite-cli's password grant for scripts.
     */
    @Test
    void theProductionRealmIsHardened() throws Exception {
        JsonNode realm = Rendered.overlay("production").ofKind("KeycloakRealmImport").get(0).at("/spec/realm");
        RealmImport.checkRealm(realm);
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
        assertTrue(realm.path("failureFactor").asInt(100) <= 10, "a lockout after a few failures");
        assertTrue(realm.path("passwordPolicy").asText().matches(".*length\\((1[2-9]|[2-9]\\d)\\).*"), "passwords of 12+");
        for (JsonNode client : realm.path("clients")) {
            assertTrue(!client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("clientId").asText() + " takes passwords directly (password grant)");
        }
        JsonNode local = Rendered.JSON.readTree(java.nio.file.Files.readString(RealmImport.REALM));
        boolean cliKeepsIt = false;
        for (JsonNode client : local.path("clients")) {
            cliKeepsIt |= client.path("clientId").asText().equals("suite-cli") && client.path("directAccessGrantsEnabled").asBoolean();
        }
        assertTrue(cliKeepsIt, "the local realm keeps suite-cli's password grant for ./suite token");
    }

    /** Every token of the realm names each part of the suite as its audience, which each part requires. */
    @Test
    void tokensNameEachPartAsAudience() throws Exception {
        JsonNode realm = Rendered.JSON.readTree(java.nio.file.Files.readString(RealmImport.REALM));
        Set<String> audiences = new TreeSet<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            if (!scope.path("name").asText().equals("county-claims")) {
                continue;
            }
            for (JsonNode mapper : scope.path("protocolMappers")) {
                if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                        && mapper.at("/config/access.token.claim").asText().equals("true")) {
                    audiences.add(mapper.at("/config/included.custom.audience").asText());
                }
            }
        }
        assertEquals(new TreeSet<>(ConfigurationTest.SERVICES), audiences);
        for (JsonNode client : realm.path("clients")) {
            assertTrue(client.path("defaultClientScopes").toString().contains("county-claims"),
                    client.path("clientId") + " does not get the audiences");
        }
        for (String service : ConfigurationTest.SERVICES) {
            ServiceConfig config = new ServiceConfig(service);
            String audience = config.properties.get("quarkus.oidc.token.audience");
            assertTrue("${quarkus.application.name}".equals(audience) || service.equals(audience), service + ": " + audience);
        }
    }
}
