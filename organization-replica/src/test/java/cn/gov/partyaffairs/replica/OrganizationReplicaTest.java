package cn.gov.partyaffairs.replica;

import cn.gov.partyaffairs.contracts.DomainEvent;
import cn.gov.partyaffairs.contracts.EventCatalog;
import cn.gov.partyaffairs.contracts.disclosure.CommentApproved;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationDeactivated;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationRegistered;
import cn.gov.partyaffairs.contracts.disclosure.OrganizationUpdated;
import cn.gov.partyaffairs.infra.TestTokens;
import cn.gov.partyaffairs.platform.audit.Actor;
import cn.gov.partyaffairs.platform.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local copy of the register on the real database, fed the register's events as the contracts' examples write
 * them: an organization registered, renamed and deactivated; other events pass it by; its reads need a token.
 */
@QuarkusTest
class OrganizationReplicaTest {

    @Inject
    OrganizationReplica replica;

    @Inject
    ObjectMapper mapper;

    /** The contracts' example of the type, with the organization's id and code made this test's own. */
    private IncomingEvent example(Class<? extends DomainEvent> type, UUID organization, String code, long version)
            throws IOException {
        JsonNode data;
        try (InputStream in = EventCatalog.class.getClassLoader().getResourceAsStream(EventCatalog.examplePath(type))) {
            data = mapper.readTree(in);
        }
        if (data.has("organizationId")) {
            ((ObjectNode) data).put("organizationId", organization.toString());
        }
        if (data.has("code")) {
            ((ObjectNode) data).put("code", code);
        }
        return new IncomingEvent(UUID.randomUUID().toString(), DomainEvent.typeOf(type).value(), "/disclosure-service",
                OffsetDateTime.now(), organization, version, data, Actor.service("disclosure-service"));
    }

    private void apply(IncomingEvent event) {
        QuarkusTransaction.requiringNew().run(() -> replica.apply(event));
    }

    private KnownOrganization known(String code) {
        return QuarkusTransaction.requiringNew().call(() -> replica.findByCode(code)).orElseThrow();
    }

    @Test
    void theCopyFollowsAnOrganizationFromRegistrationToDeactivation() throws IOException {
        UUID id = UUID.randomUUID();
        String code = "R-" + id.toString().substring(0, 8).toUpperCase();
        apply(example(OrganizationRegistered.class, id, code, 1));
        KnownOrganization registered = known(code);
        assertEquals("朱家场镇鱼塘村党支部", registered.name);
        assertEquals("village-branch", registered.type);
        assertEquals("YP-T01", registered.parentCode);
        assertEquals(2, registered.cadenceMonths);
        assertTrue(registered.active);

        apply(example(OrganizationUpdated.class, id, code, 2));
        KnownOrganization updated = known(code);
        assertEquals("朱家场镇鱼塘村党总支", updated.name);
        assertEquals(1, updated.cadenceMonths);

        apply(example(OrganizationDeactivated.class, id, code, 3));
        assertFalse(known(code).active);

        // Registered again (a replay from the beginning): the same organization, active, never a second row.
        apply(example(OrganizationRegistered.class, id, code, 1));
        assertTrue(known(code).active);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> replica.all()).stream()
                .filter(o -> o.code.equals(code)).count());
    }

    @Test
    void anEventOutsideTheRegisterPassesTheCopyBy() throws IOException {
        int before = QuarkusTransaction.requiringNew().call(() -> replica.all()).size();
        apply(example(CommentApproved.class, UUID.randomUUID(), "R-NONE", 1));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> replica.all()).size());
        assertFalse(OrganizationReplica.TYPES.contains(DomainEvent.typeOf(CommentApproved.class).value()));
    }

    @Test
    void theCopyIsReadWithAToken() throws IOException {
        UUID id = UUID.randomUUID();
        String code = "R-" + id.toString().substring(0, 8).toUpperCase();
        apply(example(OrganizationRegistered.class, id, code, 1));
        given().when().get("/organizations/" + code).then().statusCode(401);
        given().auth().oauth2(TestTokens.clerk(code)).when().get("/organizations/" + code)
                .then().statusCode(200).body("name", equalTo("朱家场镇鱼塘村党支部"));
        given().auth().oauth2(TestTokens.clerk(code)).when().get("/organizations/NOWHERE").then().statusCode(404);
    }
}
