package cn.gov.partyaffairs.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object of every overlay is valid for the API it is sent to, as the cluster with its operators would judge. */
class SchemaValidationTest {

    private static Schemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new Schemas();
    }

    static List<String> overlays() {
        return Rendered.overlays();
    }

    @Test
    void bothOverlaysExist() {
        assertEquals(List.of("local", "production"), overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectMatchesItsSchema(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        assertFalse(rendered.objects.isEmpty(), overlay + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : rendered.objects) {
            schemas.validate(object).forEach(p -> problems.add(Rendered.id(object) + ": " + p));
        }
        for (ObjectNode realmImport : rendered.ofKind("KeycloakRealmImport")) {
            try {
                RealmImport.checkRealm(realmImport.path("spec").path("realm"));
            } catch (Exception e) {
                problems.add(Rendered.id(realmImport) + ": spec.realm is no RealmRepresentation: " + e.getMessage());
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    /** The validator itself: a manifest with a misspelt field, a wrong type or an unknown kind must not pass. */
    @Test
    void theValidatorRefusesBrokenObjects() {
        ObjectNode deployment = Rendered.overlay("local").get("Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).set("readinessProbes",
                deployment.at("/spec/template/spec/containers/0/readinessProbe"));
        assertFalse(schemas.validate(deployment).isEmpty(), "a misspelt container field passed");

        ObjectNode topic = Rendered.overlay("local").get("KafkaTopic", "disclosure-events").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "three");
        assertFalse(schemas.validate(topic).isEmpty(), "a string partition count passed");

        ObjectNode cluster = Rendered.overlay("production").get("Cluster", "gateway-db").deepCopy();
        ((ObjectNode) cluster.at("/spec/backup/barmanObjectStore")).remove("destinationPath");
        assertFalse(schemas.validate(cluster).isEmpty(), "a backup without a destination passed");

        ObjectNode keycloak = Rendered.overlay("local").get("Keycloak", "keycloak").deepCopy();
        ((ObjectNode) keycloak.at("/spec/resources")).putObject("limit").put("cpu", "1");
        assertFalse(schemas.validate(keycloak).isEmpty(), "a misspelt field of a core type inside a CR passed");

        ObjectNode realm = Rendered.overlay("local").get("KeycloakRealmImport", "county-realm").deepCopy();
        ((ObjectNode) realm.at("/spec/realm")).put("accessTokenLifeSpan", 900);
        assertThrows(Exception.class, () -> RealmImport.checkRealm(realm.at("/spec/realm")), "a misspelt realm field passed");

        ObjectNode kafka = Rendered.overlay("production").get("Kafka", "suite-kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0/authentication")).put("type", "scram-sha-256");
        assertFalse(schemas.validate(kafka).isEmpty(), "an authentication type Strimzi does not have passed");

        ObjectNode unknown = Rendered.overlay("local").get("Service", "gateway").deepCopy();
        unknown.put("apiVersion", "v2");
        assertFalse(schemas.validate(unknown).isEmpty(), "an unknown apiVersion passed");
    }
}
