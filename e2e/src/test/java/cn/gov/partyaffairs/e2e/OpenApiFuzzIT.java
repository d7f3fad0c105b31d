package cn.gov.partyaffairs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed input against every operation of every part's OpenAPI document (read from its management port, so a new
 * endpoint is covered without touching this test): bad path values, bad query values, bodies of the wrong shape and
 * type, with a county admin's token (the deepest code paths) and without. Every answer must be below 500, every 4xx
 * with a body a problem+json, and no body may show a stack trace or SQL. Only malformed values are sent, so nothing
 * is changed: every path parameter is invalid, and every body has a wrong type in each field.
 */
class OpenApiFuzzIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [a-z]+(\\.[a-z0-9_$]+)+\\(|Exception:|org\\.hibernate|org\\.postgresql|SQLState|ERROR: |syntax error at|"
                    + "\\bselect .+ from\\b)");
    private static final List<String> BAD_PATH_VALUES = List.of("%00", "..%3B", "%E4%B8", "-1", "99999999999999999999",
            "a".repeat(600), "%27%20OR%201%3D1--", "%F0%9F%98%80", "%20", "null", "00000000-0000-0000-0000-00000000000g");
    private static final List<String> BAD_QUERY_VALUES = List.of("%00", "1000000000", "-1", "x", "%E4%B8",
            "%E9%95%BF".repeat(400), "1e309", "true", "[]");
    private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "123", "{\"a\":", "\u0000",
            "{\"x\":\"\\u0000\"}");

    private final List<String> violations = new ArrayList<>();
    private int requests;
    private boolean page;
    private int serverErrors;

    @Test
    void noOperationAnswersBadInputWithA5xxOrWithoutAProblem() throws Exception {
        String admin = Suite.token("admin");
        Map<String, String[]> parts = new LinkedHashMap<>();
        parts.put("gateway", new String[]{"GATEWAY_PORT", "8080", "GATEWAY_MANAGEMENT_PORT", "9080"});
        parts.put("disclosure-service", new String[]{"DISCLOSURE_PORT", "8081", "DISCLOSURE_MANAGEMENT_PORT", "9081"});
        parts.put("commitment-service", new String[]{"COMMITMENT_PORT", "8082", "COMMITMENT_MANAGEMENT_PORT", "9082"});
        parts.put("supervision-service", new String[]{"SUPERVISION_PORT", "8083", "SUPERVISION_MANAGEMENT_PORT", "9083"});
        int operations = 0;
        // The gateway's document also lists every operation it forwards, as the owning service documents it (the
        // same operation id): those are fuzzed on the service's own port, once.
        java.util.Set<String> forwarded = new java.util.HashSet<>();
        for (Map.Entry<String, String[]> part : parts.entrySet()) {
            if (!part.getKey().equals("gateway")) {
                Suite.json(Suite.get(Suite.service(part.getValue()[2], part.getValue()[3]) + "/q/openapi?format=json", null))
                        .path("paths").forEach(item -> item.forEach(op -> forwarded.add(op.path("operationId").asText())));
            }
        }
        for (Map.Entry<String, String[]> part : parts.entrySet()) {
            String[] ports = part.getValue();
            String base = Suite.service(ports[0], ports[1]);
            String management = Suite.service(ports[2], ports[3]);
            assertEquals(404, Suite.get(base + "/q/openapi", null).statusCode(), part.getKey() + " serves OpenAPI on its public port");
            HttpResponse<String> document = Suite.get(management + "/q/openapi?format=json", null);
            assertEquals(200, document.statusCode(), part.getKey() + ": no OpenAPI on the management port");
            JsonNode openApi = Suite.JSON.readTree(document.body());
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "DELETE").contains(method) || path.getKey().contains("stream")
                            || part.getKey().equals("gateway") && forwarded.contains(op.getValue().path("operationId").asText())) {
                        continue;
                    }
                    operations++;
                    fuzz(base, method, path.getKey(), op.getValue(), openApi, admin);
                }
            }
        }
        System.out.printf("OpenAPI fuzz: %d operations, %d requests, %d answers 5xx, %d violations%n",
                operations, requests, serverErrors, violations.size());
        assertTrue(operations > 100, "the documents list the operations: " + operations);
        assertTrue(violations.isEmpty(), violations.size() + " violations:\n" + String.join("\n",
                violations.subList(0, Math.min(60, violations.size()))));
    }

    private void fuzz(String base, String method, String template, JsonNode operation, JsonNode openApi, String token) {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                pathParams.add(parameter.path("name").asText());
            } else if (in.equals("query")) {
                queryParams.add(parameter.path("name").asText());
            }
        }
        boolean changes = !method.equals("GET");
        // A page (the server-rendered disclosure) answers a person in HTML, its 404 too; everything else problem+json.
        page = operation.path("responses").toString().contains("text/html");
        boolean hasBody = operation.has("requestBody");
        // A change is only sent where something in it is sure to be refused: a bad path value, or a bad body.
        for (String bad : BAD_PATH_VALUES) {
            if (pathParams.isEmpty()) {
                break;
            }
            String path = template;
            for (String name : pathParams) {
                path = path.replace("{" + name + "}", bad);
            }
            path = path.replaceAll("\\{[^}]+}", bad);
            send(base, method, path, hasBody ? "{\"x\":1}" : null, token);
        }
        String plain = template.replaceAll("\\{[^}]+}", "YP-FUZZ-0");
        if (!changes) {
            for (String name : queryParams) {
                for (String bad : BAD_QUERY_VALUES) {
                    send(base, method, plain + "?" + name + "=" + bad, null, token);
                }
            }
            send(base, method, plain + "?page=1000000000&size=0", null, token);
            send(base, method, plain, null, null);
        }
        if (hasBody && pathParams.isEmpty()) {
            for (String body : BAD_BODIES) {
                send(base, method, plain, body, token);
            }
            JsonNode schema = resolve(operation.at("/requestBody/content/application~1json/schema"), openApi);
            ObjectNode wrong = wronglyTyped(schema, openApi);
            if (wrong != null && wrong.size() > 0) {
                send(base, method, plain, wrong.toString(), token);
            }
        }
    }

    /** Every property of the schema with a value of the wrong type; null if the schema names none. */
    private static ObjectNode wronglyTyped(JsonNode schema, JsonNode openApi) {
        if (schema == null || !schema.has("properties")) {
            return null;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(property.getValue(), openApi);
            switch (type.path("type").asText(type.has("enum") ? "enum" : "object")) {
                case "string", "enum" -> body.put(property.getKey(), type.has("enum") ? 1 : 123);
                case "integer", "number" -> body.put(property.getKey(), "zwölf");
                case "boolean" -> body.put(property.getKey(), "ja");
                case "array" -> body.putObject(property.getKey()).put("not", "an array");
                default -> body.putArray(property.getKey()).add(1);
            }
        }
        return body;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode openApi) {
        JsonNode node = schema;
        for (int i = 0; i < 5 && node != null && node.has("$ref"); i++) {
            String ref = node.path("$ref").asText();
            node = openApi.at(ref.substring(1));
        }
        if (node != null && node.has("allOf") && node.path("allOf").size() == 1) {
            return resolve(node.path("allOf").get(0), openApi);
        }
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    private void send(String base, String method, String pathAndQuery, String body, String token) {
        String where = method + " " + base.replaceAll(".*:", ":") + pathAndQuery;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException notAUri) {
            return; // the client cannot even send it
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        request.method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            violations.add(where + ": no answer (" + e + ")");
            return;
        }
        requests++;
        int status = answer.statusCode();
        String text = answer.body() == null ? "" : answer.body();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            serverErrors++;
            violations.add(where + ": " + status + " " + abbreviate(text));
        } else if (status >= 400 && !text.isBlank() && !type.startsWith("application/problem+json")
                && !(page && type.startsWith("text/html"))) {
            violations.add(where + ": " + status + " as " + type + " " + abbreviate(text));
        }
        if (LEAK.matcher(text).find()) {
            violations.add(where + ": the body shows internals: " + abbreviate(text));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
