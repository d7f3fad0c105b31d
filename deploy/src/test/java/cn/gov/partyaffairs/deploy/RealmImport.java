package cn.gov.partyaffairs.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The KeycloakRealmImport that the cluster gets, made from the launcher's realm (deploy/keycloak/county-realm.json)
 * so that there is one realm to maintain. On the way the realm loses what must not be in a manifest: client secrets
 * become placeholders the operator fills from Secret keycloak-client-secrets, the demo users (password "demo") move
 * to the local overlay with their password from Secret keycloak-demo-users, loopback redirect URIs go, and TLS is
 * required for every client outside the cluster.
 */
final class RealmImport {

    static final Path REALM = Rendered.DEPLOY.resolve("keycloak/county-realm.json");
    static final Path BASE_FILE = Rendered.DEPLOY.resolve("base/keycloak/county-realm-import.yaml");
    static final Path DEMO_USERS_FILE = Rendered.DEPLOY.resolve("overlays/local/demo-users-patch.yaml");
    static final String CLIENT_SECRETS = "keycloak-client-secrets";
    static final String DEMO_USERS = "keycloak-demo-users";
    static final String MAIL_RELAY = "mail-relay";

    private static final YAMLMapper OUT = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private static final String HEADER = "# Generated from deploy/keycloak/county-realm.json by RealmImport (deploy/src/test/java); do not edit.\n"
            + "# Regenerate: ./mvnw -B -pl deploy test -Dtest=RealmImportTest -Ddeploy.write=true\n";

    private final ObjectNode realm;
    private final ArrayNode demoUsers = JsonNodeFactory.instance.arrayNode();
    private final ObjectNode placeholders = JsonNodeFactory.instance.objectNode();

    RealmImport() throws IOException {
        realm = (ObjectNode) Rendered.JSON.readTree(Files.readString(REALM));
        realm.put("sslRequired", "external");
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            if (client.has("secret")) {
                String clientId = client.path("clientId").asText();
                String placeholder = envName(clientId) + "_CLIENT_SECRET";
                client.put("secret", "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", CLIENT_SECRETS).put("key", clientId);
            }
            if (client.get("redirectUris") instanceof ArrayNode uris) {
                for (int i = uris.size() - 1; i >= 0; i--) {
                    String uri = uris.get(i).asText();
                    if (uri.contains("://localhost") || uri.contains("://127.0.0.1")) {
                        uris.remove(i);
                    }
                }
            }
        }
        // The realm's mail (e-mail verification of self-registered citizens) goes through the county's relay, as
        // the gateway's notifications do: its address and account from Secret mail-relay, never in a manifest.
        if (realm.get("smtpServer") instanceof ObjectNode smtp) {
            for (String key : List.of("host", "port", "from", "user", "password")) {
                String placeholder = "SMTP_" + envName(key);
                smtp.put(key, "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", MAIL_RELAY)
                        .put("key", key.equals("user") ? "username" : key);
            }
            smtp.put("auth", "true");
            smtp.put("starttls", "true");
            smtp.put("ssl", "false");
        }
        ArrayNode users = (ArrayNode) realm.path("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            ObjectNode user = (ObjectNode) users.get(i);
            if (user.has("credentials")) {
                for (JsonNode credential : user.get("credentials")) {
                    ((ObjectNode) credential).put("value", "${DEMO_USER_PASSWORD}");
                }
                demoUsers.insert(0, user);
                users.remove(i);
            }
        }
    }

    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    String baseYaml() throws JsonProcessingException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        object.put("kind", "KeycloakRealmImport");
        object.putObject("metadata").put("name", "county-realm");
        ObjectNode spec = object.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return HEADER + OUT.writeValueAsString(object);
    }

    String demoUsersPatchYaml() throws JsonProcessingException {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ObjectNode placeholder = ops.addObject().put("op", "add").put("path", "/spec/placeholders/DEMO_USER_PASSWORD");
        placeholder.putObject("value").putObject("secret").put("name", DEMO_USERS).put("key", "password");
        for (JsonNode user : demoUsers) {
            ops.addObject().put("op", "add").put("path", "/spec/realm/users/-").set("value", user);
        }
        return HEADER + OUT.writeValueAsString(ops);
    }

    void write() throws IOException {
        Files.writeString(BASE_FILE, baseYaml());
        Files.writeString(DEMO_USERS_FILE, demoUsersPatchYaml());
    }

    /** Reads a realm as Keycloak's import does, but refusing any field RealmRepresentation does not have. */
    static void checkRealm(JsonNode realm) throws IOException {
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(realm, RealmRepresentation.class);
    }

    public static void main(String[] args) throws IOException {
        new RealmImport().write();
    }
}
