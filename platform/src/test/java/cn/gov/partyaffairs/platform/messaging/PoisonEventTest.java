package cn.gov.partyaffairs.platform.messaging;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of an event's effect would repeat on every try (dead-letter it), and which pass with time. */
class PoisonEventTest {

    @Test
    void dataTheSchemaRefusesAndTheEffectsOwnBugsRepeat() {
        assertTrue(IdempotentConsumer.isDeterministic(new PersistenceException(new DataException("too long",
                new SQLException("value too long for type character varying(32)", "22001")))));
        assertTrue(IdempotentConsumer.isDeterministic(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertTrue(IdempotentConsumer.isDeterministic(new NullPointerException("organizationId")));
        assertTrue(IdempotentConsumer.isDeterministic(new RuntimeException(new DateTimeParseException("x", "2017-13", 5))));
    }

    @Test
    void outagesLocksAndTheUnknownAreRetriedUntilTheyPass() {
        assertFalse(IdempotentConsumer.isDeterministic(new PersistenceException(
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertFalse(IdempotentConsumer.isDeterministic(new SQLException("terminating connection", "57P01")));
        assertFalse(IdempotentConsumer.isDeterministic(new SQLException("deadlock detected", "40P01")));
        assertFalse(IdempotentConsumer.isDeterministic(new SQLException("could not obtain lock", "55P03")));
        assertFalse(IdempotentConsumer.isDeterministic(new SQLException("canceling statement due to statement timeout", "57014")));
        assertFalse(IdempotentConsumer.isDeterministic(new IllegalStateException("transaction timed out")));
        // A data error that only shows because the connection broke is still an outage.
        SQLException broken = new SQLException("bad value", "22P02");
        RuntimeException both = new RuntimeException(broken);
        both.addSuppressed(new SQLException("connection closed", "08003"));
        assertFalse(IdempotentConsumer.isDeterministic(both));
    }
}
