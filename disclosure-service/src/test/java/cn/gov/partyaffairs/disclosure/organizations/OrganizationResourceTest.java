package cn.gov.partyaffairs.disclosure.organizations;

import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.infra.EventProbe;
import cn.gov.partyaffairs.infra.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.partyaffairs.disclosure.TestOrganizations.body;
import static cn.gov.partyaffairs.disclosure.TestOrganizations.code;
import static cn.gov.partyaffairs.disclosure.TestOrganizations.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganizationResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aCountyAdminRegistersAnOrganizationAndExactlyOneCloudEventLeaves() throws Exception {
        String code = code();
        String id = given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(code, "township-committee", null))
                .when().post("/organizations")
                .then().statusCode(201)
                .header("Location", endsWith("/organizations/" + code))
                .header("Aggregate-Version", "1")
                .body("code", equalTo(code))
                .body("cadenceMonths", equalTo(1))
                .body("active", equalTo(true))
                .extract().path("id");

        List<ConsumerRecord<String, String>> records = EventProbe.recordsWithKey("disclosure.events", id, 1);
        assertEquals(1, records.size(), "exactly one event for one registration");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("cn.gov.partyaffairs.disclosure.OrganizationRegistered.v1", EventProbe.header(record, "ce_type"));
        assertEquals("disclosure-service", EventProbe.header(record, "ce_source"));
        assertEquals("1.0", EventProbe.header(record, "ce_specversion"));
        assertEquals(id, EventProbe.header(record, "ce_subject"));
        assertEquals("1", EventProbe.header(record, "ce_aggregateversion"));
        assertEquals("application/json", EventProbe.header(record, "content-type"));
        UUID.fromString(EventProbe.header(record, "ce_id"));

        // Producer contract: what we emit has exactly the fields of the contract's example.
        JsonNode emitted = mapper.readTree(record.value());
        try (InputStream example = getClass().getClassLoader()
                .getResourceAsStream(EventCatalog.examplePath(OrganizationRegistered.class))) {
            assertEquals(fieldNames(mapper.readTree(example)), fieldNames(emitted));
        }
        assertEquals(code, emitted.get("code").asText());
        assertEquals("admin", emitted.get("registeredBy").asText());
    }

    @Test
    void theTypeGivesTheCadenceAndAnOrganizationMayOverrideIt() {
        String township = code();
        register(township, "township-committee", null);
        String village = code();
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(village, "village-branch", township))
                .when().post("/organizations")
                .then().statusCode(201).body("cadenceMonths", equalTo(2)).body("parentCode", equalTo(township));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"示范村党支部","type":"village-branch","cadenceMonths":1}""".formatted(code()))
                .when().post("/organizations")
                .then().statusCode(201).body("cadenceMonths", equalTo(1));

        given().auth().oauth2(TestTokens.clerk("YP-V001"))
                .queryParam("parent", township)
                .when().get("/organizations")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.code", hasItems(village));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(body(code(), "school", null))
                .when().post("/organizations")
                .then().statusCode(401);
    }

    @Test
    void aClerkMayNotRegisterAndGetsAProblem() {
        given().auth().oauth2(TestTokens.clerk("YP-V001")).contentType(ContentType.JSON)
                .body(body(code(), "school", null))
                .when().post("/organizations")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:forbidden"));
    }

    @Test
    void invalidFieldsAreNamedInA400Problem() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("""
                        {"code":"not a code","name":" ","type":"village-branch","cadenceMonths":13}""")
                .when().post("/organizations")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:partyaffairs:problem:validation"))
                .body("errors.field", hasItems("code", "name", "cadenceMonths"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void anUnknownTypeOrParentIsA400NamingTheField() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(code(), "club", null))
                .when().post("/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(code(), "school", "NO-SUCH-PARENT"))
                .when().post("/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("parentCode"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400NotA500() {
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("{\"code\": ")
                .when().post("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"x","type":"school","cadenceMonths":"monthly"}""".formatted(code()))
                .when().post("/organizations")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cadenceMonths"));
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .when().post("/organizations")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = code();
        register(code, "school", null);
        given().auth().oauth2(TestTokens.countyAdmin()).contentType(ContentType.JSON)
                .body(body(code, "school", null))
                .when().post("/organizations")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:partyaffairs:problem:duplicate-code"));
    }

    @Test
    void anUnknownCodeIsA404Problem() {
        given().auth().oauth2(TestTokens.countyAdmin())
                .when().get("/organizations/NOPE-404")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
