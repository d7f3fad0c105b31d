package cn.gov.partyaffairs.e2e;

import cn.gov.partyaffairs.client.api.CommitmentResourceApi;
import cn.gov.partyaffairs.client.api.FindingResourceApi;
import cn.gov.partyaffairs.client.api.InternalResourceApi;
import cn.gov.partyaffairs.client.api.OrganizationResourceApi;
import cn.gov.partyaffairs.client.api.PublicCatalogResourceApi;
import cn.gov.partyaffairs.client.api.PublicResourceApi;
import cn.gov.partyaffairs.client.api.UnitResourceApi;
import cn.gov.partyaffairs.client.model.CommitmentDto;
import cn.gov.partyaffairs.client.model.CommitmentKind;
import cn.gov.partyaffairs.client.model.CommitmentStatus;
import cn.gov.partyaffairs.client.model.Report;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One typed API at the door: the gateway's document (its management port) has every operation each service exposes
 * through the gateway, exactly as the service documents it, typed, with problem responses; the client generated from
 * that document in the build reads and writes through the gateway against the running suite, strictly; and the
 * unversioned paths still answer, saying they are deprecated.
 */
class TypedApiIT {

    private static final String INTERNAL = "/api/v1/internal";

    @Test
    void theGatewayDocumentHasEveryOperationTheServicesExposeTyped() throws IOException {
        JsonNode gateway = document("GATEWAY_MANAGEMENT_PORT", "9080");
        Map<String, String> routes = routes();
        List<String> wrong = new ArrayList<>();
        int forwarded = 0;
        for (String[] service : new String[][]{{"disclosure", "DISCLOSURE_MANAGEMENT_PORT", "9081"},
                {"commitment", "COMMITMENT_MANAGEMENT_PORT", "9082"}, {"supervision", "SUPERVISION_MANAGEMENT_PORT", "9083"}}) {
            JsonNode own = document(service[1], service[2]);
            for (Iterator<Map.Entry<String, JsonNode>> paths = own.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!service[0].equals(routes.get(path.getKey().split("/", 3)[1]))) {
                    continue; // not the gateway's to forward to this service (the replicas' /organizations)
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    forwarded++;
                    JsonNode atTheDoor = gateway.path("paths").path(INTERNAL + path.getKey()).path(op.getKey());
                    if (!op.getValue().equals(atTheDoor)) {
                        wrong.add(op.getKey().toUpperCase() + " " + INTERNAL + path.getKey() + " is not as the "
                                + service[0] + " service documents it");
                    }
                }
            }
        }
        assertTrue(gateway.path("paths").fieldNames().hasNext());
        gateway.path("paths").fieldNames().forEachRemaining(path -> assertFalse(path.contains("{segment}"),
                "the catch-all is gone from the document: " + path));
        gateway.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                String code = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (code.startsWith("2") && !code.equals("204") && (content.isEmpty()
                        || content.elements().next().path("schema").isEmpty())) {
                    wrong.add(where + " answers " + code + " untyped");
                }
                if ((code.startsWith("4") && !code.equals("401") || code.startsWith("5"))
                        && !content.has("application/problem+json")) {
                    wrong.add(where + " refuses with " + code + " but no problem");
                }
            });
            JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
            if (op.getValue().has("requestBody") && op.getValue().path("requestBody").path("content").has("application/json")
                    && (body.isEmpty() || "string".equals(body.path("type").asText()))) {
                wrong.add(where + " takes an untyped body");
            }
        }));
        String text = gateway.toString();
        for (int at = text.indexOf("\"$ref\":\""); at >= 0; at = text.indexOf("\"$ref\":\"", at + 1)) {
            String ref = text.substring(at + 8, text.indexOf('"', at + 8));
            if (gateway.at(ref.substring(1)).isMissingNode()) {
                wrong.add("a reference to nothing: " + ref);
            }
        }
        System.out.printf("gateway document: %d forwarded operations of the services, %d paths in all, %d wrong%n",
                forwarded, gateway.path("paths").size(), wrong.size());
        assertTrue(forwarded > 90, "the services' documents list their operations: " + forwarded);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theGeneratedClientReadsAndWritesThroughTheGateway() {
        PublicResourceApi anyone = new PublicResourceApi(Api.as(null));
        assertTrue(anyone.statistics().getCompliance() != null);
        assertTrue(anyone.organizations(null, 0, null, null, 50, null).getTotal() >= 191);
        assertEquals("YP-V001", anyone.organization("YP-V001").getOrganization().getCode());
        assertFalse(anyone.disclosures(null, null, 0, null, null, 20).getItems().isEmpty());
        assertFalse(anyone.commitments(null, "YP-D-TRANSPORT", null, null, 0, null, 20, null).getItems().isEmpty());
        assertEquals(9, new PublicCatalogResourceApi(Api.as(null)).catalog().getCategories().size());

        String admin = Suite.token("admin");
        assertTrue(new InternalResourceApi(Api.as(admin)).dashboard().getOpenFindings() >= 0);
        assertTrue(new OrganizationResourceApi(Api.as(admin)).callList(0, null, null, 200, null).getTotal() >= 191);
        assertFalse(new FindingResourceApi(Api.as(admin)).search(null, null, 0, 20, null, null, "YP-V001").getItems().isEmpty());
        assertEquals("YP-V001", new UnitResourceApi(Api.as(admin)).get("YP-V001").getCode());

        // The transport bureau's head reports progress, typed both ways; the answer waited for the read models.
        CommitmentResourceApi head = new CommitmentResourceApi(Api.as(Suite.token("head")));
        CommitmentDto commitment = head.search(null, "YP-D-TRANSPORT", CommitmentKind.SERVICE, null, 0, null, 50,
                CommitmentStatus.IN_PROGRESS).getItems().get(0);
        int percent = commitment.getProgressPercent() == null ? 0 : commitment.getProgressPercent();
        CommitmentDto reported = head.report(commitment.getId(), new Report().percent(percent).note("接口客户端报送"));
        assertEquals(percent, reported.getProgressPercent());
        assertEquals(commitment.getId(), anyone.commitment(commitment.getId()).getId());
    }

    @Test
    void theUnversionedPathsAnswerAsTheirSuccessorsAndSaySo() {
        // The catalog: what changes only with a release, so that both reads see the same.
        HttpResponse<String> old = Suite.get(Suite.gateway() + "/api/public/catalog", null);
        HttpResponse<String> current = Suite.get(Suite.gateway() + "/api/v1/public/catalog", null);
        assertEquals(200, old.statusCode());
        assertEquals(current.body(), old.body());
        assertTrue(old.headers().firstValue("Deprecation").orElse("").matches("@\\d+"), old.headers().toString());
        assertTrue(old.headers().firstValue("Sunset").isPresent());
        assertTrue(old.headers().allValues("Link").stream().anyMatch(link ->
                link.equals("</api/v1/public/catalog>; rel=\"successor-version\"")), old.headers().toString());
        assertTrue(current.headers().firstValue("Deprecation").isEmpty());
        // An internal alias keeps its rules: a token is still needed.
        assertEquals(401, Suite.get(Suite.gateway() + "/api/internal/dashboard", null).statusCode());
        assertEquals(200, Suite.get(Suite.gateway() + "/api/internal/dashboard", Suite.token("admin")).statusCode());
    }

    private static JsonNode document(String portVariable, String port) {
        return Suite.json(Suite.get(Suite.service(portVariable, port) + "/q/openapi?format=json", null));
    }

    /** Which service the gateway forwards each first segment to, as the gateway is configured. */
    private static Map<String, String> routes() throws IOException {
        Properties properties = new Properties();
        Path file = Path.of(Suite.env("SUITE_ROOT", "..")).resolve("gateway/src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> routes = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("gateway.routes."))
                .forEach(name -> routes.put(name.substring("gateway.routes.".length()), properties.getProperty(name)));
        return routes;
    }
}
