package cn.gov.partyaffairs.gateway.webhook;

import cn.gov.partyaffairs.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The subscription API with really signed tokens: who may use it, what it checks, what it shows. */
@QuarkusTest
class WebhookResourceTest {

    private static final String BASE = "/api/internal/webhooks";
    private static final String PUBLISHED = "cn.gov.partyaffairs.disclosure.DisclosurePublished.v1";
    // Nothing listens here; these subscriptions are paused straight away so that they do not keep retrying.
    private static final String URL = "http://127.0.0.1:1/hooks/party-affairs";

    private static String create(String token) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "types", List.of(PUBLISHED)))
                .when().post(BASE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).when().post(BASE + "/" + id + "/pause").then().statusCode(200);
        return id;
    }

    @Test
    void withoutATokenIs401AndWithTheWrongRole403() {
        given().contentType(ContentType.JSON).body(Map.of("url", URL))
                .when().post(BASE).then().statusCode(401);
        given().when().get(BASE).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").when().get(BASE).then().statusCode(401);

        given().auth().oauth2(TestTokens.clerk("YP-V001")).contentType(ContentType.JSON).body(Map.of("url", URL))
                .when().post(BASE).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.clerk("YP-V001")).when().get(BASE).then().statusCode(403);
        given().auth().oauth2(TestTokens.departmentHead("YP-D-TRANSPORT")).when().get(BASE).then().statusCode(403);
        String id = create(TestTokens.integration());
        given().auth().oauth2(TestTokens.clerk("YP-V001")).when().get(BASE + "/" + id + "/deliveries")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.clerk("YP-V001")).contentType(ContentType.JSON)
                .body(Map.of("from", "2024-01-01T00:00:00+08:00"))
                .when().post(BASE + "/" + id + "/replay").then().statusCode(403);
    }

    @Test
    void theSecretIsShownOnceAtCreationAndNeverAgain() {
        var created = given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "types", List.of(PUBLISHED, PUBLISHED)))
                .when().post(BASE)
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("secret", startsWith("whsec_"))
                .body("owner", equalTo("service-account-integration"))
                .body("status", equalTo("ACTIVE"))
                .body("types", equalTo(List.of(PUBLISHED)))
                .extract().jsonPath();
        String id = created.getString("id");
        given().auth().oauth2(TestTokens.integration()).when().post(BASE + "/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED")).body("secret", nullValue());

        given().auth().oauth2(TestTokens.integration()).when().get(BASE + "/" + id)
                .then().statusCode(200).body("url", equalTo(URL)).body("secret", nullValue());
        given().auth().oauth2(TestTokens.integration()).queryParam("size", 200).when().get(BASE)
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.secret", not(hasItem(notNullValue())));
    }

    @Test
    void aSystemSeesItsOwnSubscriptionsAndACountyAdminSeesAll() {
        String systems = create(TestTokens.integration());
        String admins = create(TestTokens.countyAdmin());

        given().auth().oauth2(TestTokens.integration()).queryParam("size", 200).when().get(BASE)
                .then().statusCode(200).body("items.id", hasItem(systems)).body("items.id", not(hasItem(admins)));
        given().auth().oauth2(TestTokens.countyAdmin()).queryParam("size", 200).when().get(BASE)
                .then().statusCode(200).body("items.id", hasItem(systems)).body("items.id", hasItem(admins));

        given().auth().oauth2(TestTokens.integration()).when().get(BASE + "/" + admins)
                .then().statusCode(403).body("type", equalTo("urn:partyaffairs:problem:forbidden"));
        given().auth().oauth2(TestTokens.integration()).when().post(BASE + "/" + admins + "/resume")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get(BASE + "/" + systems).then().statusCode(200);
        given().auth().oauth2(TestTokens.integration()).when().get(BASE + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBadUrlOrAnUnknownTypeIsA400NamingTheField() {
        for (String bad : List.of("ftp://example.gov.cn/hooks", "not a url", "/relative/path", "http://user:pw@example.gov.cn/",
                "https:///no-host")) {
            given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(Map.of("url", bad))
                    .when().post(BASE)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(Map.of("types", List.of()))
                .when().post(BASE).then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "types", List.of(PUBLISHED, "cn.gov.partyaffairs.disclosure.Nonsense.v1")))
                .when().post(BASE)
                .then().statusCode(400).body("errors[0].field", equalTo("types[1]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Nonsense"));
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body("{\"url\": 5, \"types\": 3}")
                .when().post(BASE).then().statusCode(400);

        String id = create(TestTokens.integration());
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body("{}")
                .when().post(BASE + "/" + id + "/replay")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(Map.of("from", "yesterday"))
                .when().post(BASE + "/" + id + "/replay").then().statusCode(400);
        given().auth().oauth2(TestTokens.integration()).queryParam("size", 100000)
                .when().get(BASE + "/" + id + "/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aSubscriptionCanBeRemoved() {
        String id = create(TestTokens.integration());
        given().auth().oauth2(TestTokens.integration()).when().delete(BASE + "/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.integration()).when().get(BASE + "/" + id).then().statusCode(404);
    }

    /**
     * A subscription to an internal address is refused, class by class, naming the field; an allowed range (the
     * county admin's, for a department's intranet) lets one in. Only the county admin keeps that list.
     */
    @Test
    void internalTargetsAreRefusedUnlessTheCountyAdminAllowedTheirRange() {
        for (String target : List.of("http://127.0.0.2:8081/q/metrics", "http://[::1]:8081/", "http://169.254.169.254/latest/meta-data/",
                "http://[fe80::1]/", "http://10.0.0.5/hook", "http://172.16.0.1/hook", "http://192.168.1.10:8080/hook",
                "http://[fd00::5]/hook", "http://224.0.0.1/hook", "http://0.0.0.0:8081/", "http://[::ffff:127.0.0.2]:8081/",
                "http://100.64.0.1/hook")) {
            given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(Map.of("url", target))
                    .when().post(BASE).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("不能接收推送"));
        }
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("cidr", "10.20.0.0/16", "reason", "某部门内网"))
                .when().post(BASE + "/allowed-ranges").then().statusCode(403);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cidr", "0.0.0.0/0", "reason", "全部"))
                .when().post(BASE + "/allowed-ranges").then().statusCode(400).body("errors[0].field", equalTo("cidr"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(Map.of("cidr", "10.20.0.0/16", "reason", "县交通运输局内网"))
                .when().post(BASE + "/allowed-ranges").then().statusCode(201).body("cidr", equalTo("10.20.0.0/16"));
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://10.20.3.4:8443/hooks"))
                .when().post(BASE).then().statusCode(201);
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://10.21.3.4:8443/hooks"))
                .when().post(BASE).then().statusCode(400);
        given().auth().oauth2(TestTokens.countyAdmin()).when().get(BASE + "/allowed-ranges")
                .then().statusCode(200).body("cidr", org.hamcrest.Matchers.hasItem("10.20.0.0/16"));
        given().auth().oauth2(TestTokens.countyAdmin()).when().delete(BASE + "/allowed-ranges/10.20.0.0/16")
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://10.20.3.4:8443/hooks"))
                .when().post(BASE).then().statusCode(400);
    }
}
