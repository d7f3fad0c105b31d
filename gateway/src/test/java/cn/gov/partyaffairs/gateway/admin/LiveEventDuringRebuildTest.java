package cn.gov.partyaffairs.gateway.admin;

import cn.gov.partyaffairs.gateway.TestEvents;
import cn.gov.partyaffairs.gateway.projection.Projector;
import cn.gov.partyaffairs.gateway.readmodel.ReadModel;
import cn.gov.partyaffairs.infra.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An event that arrives while a rebuild holds the read models: it waits for the rebuild without having recorded
 * anything yet, so the rebuild can record that same event at its end instead of waiting for it (with the records
 * taken first, each waited for the other; PostgreSQL aborted the rebuild with "deadlock detected").
 */
@QuarkusTest
class LiveEventDuringRebuildTest {

    @Inject
    DataSource dataSource;

    @Test
    void aLiveEventWaitsForTheRebuildBeforeRecordingAnything() throws Exception {
        String code = TestEvents.code("L");
        UUID organization = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (Connection rebuild = dataSource.getConnection()) {
            rebuild.setAutoCommit(false);
            try (PreparedStatement lock = rebuild.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, Projector.READ_MODEL_LOCK);
                lock.execute();
            }
            EventProbe.send("disclosure.events", organization.toString(), EventProbe.cloudEvent(eventId,
                    TestEvents.DISCLOSURE + "OrganizationRegistered.v1", organization, 1), """
                    {"organizationId":"%s","code":"%s","name":"测试%s","type":"village-branch","parentCode":null,
                     "cadenceMonths":2,"registeredAt":"2017-03-01T09:30:00+08:00","registeredBy":"admin"}"""
                    .formatted(organization, code, code));
            TestEvents.await(() -> waitingForTheReadModelLock(rebuild));
            // What a rebuild does at its end: it records the events it replayed. This must not wait for the live one
            // (a wait shorter than PostgreSQL's deadlock check, which would otherwise abort the live one and hide it).
            try (var timeout = rebuild.createStatement()) {
                timeout.execute("SET LOCAL lock_timeout = '200ms'");
            }
            try (PreparedStatement record = rebuild.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
                    VALUES (?, ?, 'test', now()) ON CONFLICT DO NOTHING""")) {
                record.setString(1, ReadModel.CONSUMER);
                record.setString(2, eventId);
                assertEquals(1, record.executeUpdate(), "the live event recorded nothing while it waited");
            } catch (SQLException e) {
                fail("the live event had recorded itself before waiting for the rebuild: " + e.getMessage());
            }
            rebuild.rollback();
        }
        // The rebuild gone, the live event is applied.
        TestEvents.await(() -> given().get("/api/public/organizations/" + code).statusCode() == 200);
    }

    private static boolean waitingForTheReadModelLock(Connection connection) {
        try (var query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
