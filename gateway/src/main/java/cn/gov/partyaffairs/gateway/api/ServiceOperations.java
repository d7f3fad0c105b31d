package cn.gov.partyaffairs.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.smallrye.openapi.api.util.MergeUtil;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiParser;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's document describes every operation it forwards, typed, as the owning service documents it: at build
 * time the services' own documents (published by their builds as {@code <service>-openapi.json}, copied here by the
 * gateway's pom) are merged in, each path that {@code gateway.routes} sends to that service under
 * {@code /api/v1/internal}. The services' resources stay the one source of truth (docs/adr/0007-one-typed-api.md).
 *
 * <p>The build fails rather than produce a document that lies: when a service's document is missing, when two
 * services name different schemas alike (name one with {@code @Schema(name = …)}), or when an operation id repeats.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class ServiceOperations implements OASFilter {

    /** Where the forwarded operations are, as a client calls them. */
    public static final String INTERNAL = "/api/v1/internal";
    static final List<String> SERVICES = List.of("disclosure", "commitment", "supervision");
    static final String DOCUMENTS = "openapi/services/";
    private static final String ROUTES = "gateway.routes.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI gateway) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> routes = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROUTES)) {
                routes.put(name.substring(ROUTES.length()), config.getValue(name, String.class));
            }
        }
        // The gateway's own schemas (its public reads, webhooks) take part in the comparison too.
        JsonNode own = ownDocument(gateway).path("components").path("schemas");
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        Map<String, String> schemaOwners = new HashMap<>();
        own.fields().forEachRemaining(schema -> {
            schemas.set(schema.getKey(), schema.getValue());
            schemaOwners.put(schema.getKey(), "gateway");
        });
        Map<String, String> operationIds = new HashMap<>();
        for (String service : SERVICES) {
            JsonNode document = read(service);
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                String segment = path.getKey().split("/", 3)[1];
                // Only what the gateway sends to this service: the register's replica in the commitment and
                // supervision services answers /organizations on their own ports, never through the gateway.
                if (!service.equals(routes.get(segment))) {
                    continue;
                }
                path.getValue().forEach(operation -> {
                    String id = operation.path("operationId").asText(null);
                    if (id != null && operationIds.putIfAbsent(id, service) != null) {
                        throw new IllegalStateException("operation id " + id + " is in the " + operationIds.get(id)
                                + " and the " + service + " service: name one with @Operation(operationId = …)");
                    }
                });
                paths.set(INTERNAL + path.getKey(), path.getValue());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                JsonNode known = schemas.get(schema.getKey());
                if (known != null && !known.equals(schema.getValue())) {
                    throw new IllegalStateException("schema " + schema.getKey() + " differs between the "
                            + schemaOwners.get(schema.getKey()) + " and the " + service
                            + " service: give one another name with @Schema(name = …)");
                }
                schemas.set(schema.getKey(), schema.getValue());
                schemaOwners.putIfAbsent(schema.getKey(), service);
            }
        }
        try {
            OpenAPI services = OpenApiParser.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(merged)), Format.JSON,
                    OpenApiConfig.fromConfig(config));
            MergeUtil.merge(gateway, services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode ownDocument(OpenAPI gateway) {
        try {
            return JSON.readTree(SmallRyeOpenAPI.builder().withInitialModel(gateway).enableModelReader(false)
                    .enableStandardStaticFiles(false).enableAnnotationScan(false).enableStandardFilter(false)
                    .build().toJSON());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String service) {
        String name = DOCUMENTS + service + "-service-openapi.json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: the gateway's build copies it from the "
                        + service + " service's (build that service first, ./mvnw install)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
