package cn.gov.partyaffairs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a Kubernetes object against the schema of its apiVersion and kind:
 * <ul>
 *   <li>Kubernetes' own kinds with the models of the official Kubernetes Java client, generated from Kubernetes'
 *   OpenAPI document: reading one rejects a field the API does not know, a missing required field and a wrong type;</li>
 *   <li>custom resources with their CRD's openAPIV3Schema, made strict the way `kubectl apply --validate=strict`
 *   treats it: an object field the schema does not name is an error unless the schema preserves unknown fields.</li>
 * </ul>
 * An object of a kind with no schema here is an error: nothing goes unchecked.
 */
final class Schemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** The built-in kinds the manifests may use, with the model class of each. */
    private static final Map<String, String> CORE = Map.ofEntries(
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Namespace", "V1Namespace"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"));

    private final Map<String, JsonSchema> crds = new HashMap<>();
    private final Map<String, JsonNode> crdSources = new HashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    Schemas() {
        Path generated = Path.of(System.getProperty("crd.dir", "target/crds"));
        if (!Files.isDirectory(generated.resolve("strimzi"))) {
            throw new AssertionError("Strimzi's CRDs are missing from " + generated + ": the build generates them "
                    + "(exec plugin in deploy/pom.xml, run by `./mvnw -pl deploy test`)");
        }
        try (Stream<Path> files = Files.list(generated.resolve("strimzi"))) {
            for (Path file : files.sorted().toList()) {
                addCrds(Rendered.parse(Files.readString(file)));
            }
            for (String shipped : List.of("cloudnative-pg.yaml", "keycloak.yaml")) {
                try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + shipped)) {
                    addCrds(Rendered.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void addCrds(List<ObjectNode> documents) {
        for (ObjectNode crd : documents) {
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                String key = group + "/" + version.path("name").asText() + "/" + kind;
                JsonNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
                crds.put(key, factory.getSchema(schema));
                crdSources.put(key, schema);
            }
        }
    }

    /** Every problem with the object, or nothing when it is valid. */
    List<String> validate(ObjectNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        String core = CORE.get(key);
        if (core != null) {
            core(core, object, problems);
            return problems;
        }
        JsonSchema schema = crds.get(key);
        if (schema == null) {
            problems.add("no schema for " + key + " (neither a known Kubernetes kind nor a known CRD version)");
            return problems;
        }
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(message.getMessage());
        }
        core("V1ObjectMeta", object.path("metadata"), problems);
        coreTyped(crdSources.get(key), object, "$", problems);
        return problems;
    }

    private static void core(String model, JsonNode value, List<String> problems) {
        try {
            Class<?> type = Class.forName(MODELS + model);
            // The generated adapter runs validateJsonElement (unknown and required fields), then binds every type.
            JSON.deserialize(Rendered.JSON.writeValueAsString(value), type);
        } catch (RuntimeException | IOException | ClassNotFoundException e) {
            problems.add(model + ": " + rootMessage(e));
        }
    }

    /** Fields that a shipped subset schema marks `x-core-type` are Kubernetes types: check them with their model. */
    private static void coreTyped(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema == null || value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (schema.has("x-core-type")) {
            List<String> inner = new ArrayList<>();
            core(schema.get("x-core-type").asText(), value, inner);
            inner.forEach(p -> problems.add(path + ": " + p));
            return;
        }
        if (schema.has("properties") && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                coreTyped(field.getValue(), value.get(field.getKey()), path + "." + field.getKey(), problems);
            }
        }
        if (schema.has("items") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                coreTyped(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** The structural schema of a CRD as JSON Schema, with unknown fields refused as the API server's strict mode does. */
    static JsonNode strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        if (node.path("nullable").asBoolean(false) && node.has("type")) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(node.get("type").asText()).add("null");
            node.set("type", types);
        }
        node.remove("nullable");
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            node.remove("type");
            ArrayNode anyOf = node.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        boolean preserves = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(node.path("type").asText()) && node.has("properties") && !preserves
                && !node.has("additionalProperties")) {
            node.put("additionalProperties", false);
        }
        for (String map : List.of("properties", "definitions")) {
            if (node.get(map) instanceof ObjectNode children) {
                children.fields().forEachRemaining(e -> strict(e.getValue()));
            }
        }
        for (String single : List.of("items", "additionalProperties", "not")) {
            strict(node.get(single));
        }
        for (String list : List.of("anyOf", "oneOf", "allOf")) {
            node.path(list).forEach(Schemas::strict);
        }
        return node;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        // The client quotes the whole object after its verdict; the verdict is what a reader needs.
        int json = message.indexOf(" JSON: ");
        return json > 0 ? message.substring(0, json) : message;
    }
}
