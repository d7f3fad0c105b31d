package cn.gov.partyaffairs.platform.db;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as "the database cannot be reached" (a 503 that passes with time), and what does not. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAndShutdownsAreRecognisedThroughTheirWrappers() {
        PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertTrue(DatabaseUnavailable.isCause(refused));
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new JDBCConnectionException("x", refused))));
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new RuntimeException(
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)))));
        for (String state : new String[]{"57P01", "57P02", "57P03", "08003", "08006"}) {
            assertTrue(DatabaseUnavailable.isCause(new IllegalStateException(new SQLException("down", state))), state);
        }
        // Agroal: no connection within the acquisition timeout.
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException())));
        // Only a suppressed exception tells (a rollback that failed after the commit did).
        RuntimeException rollback = new RuntimeException("rollback failed");
        rollback.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseUnavailable.isCause(rollback));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new ConstraintViolationException("dup",
                new SQLException("duplicate key", "23505"), "uk_code"))));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("lock timeout", "55P03")));
        assertFalse(DatabaseUnavailable.isCause(new SQLException("no state")));
        RuntimeException loop = new RuntimeException("cycle");
        loop.initCause(new RuntimeException(loop));
        assertFalse(DatabaseUnavailable.isCause(loop));
    }
}
