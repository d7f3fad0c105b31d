package cn.gov.partyaffairs.platform.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure because the service's database could not be reached (stopped, restarting, refusing connections,
 * the pool finding no connection in time) from any other failure. Such a failure passes with time: the command was
 * rolled back and may simply be sent again, so it is a 503 with {@code Retry-After}, not a 500.
 *
 * <p>It looks through the whole chain of causes (and suppressed exceptions), because what reaches a resource is
 * Hibernate's, Narayana's or Quarkus' wrapper around the driver's or the pool's {@link SQLException}.
 */
public final class DatabaseUnavailable {

    /**
     * SQLState 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down),
     * 53300 too_many_connections; the whole class 08 (connection exception) is matched by its prefix.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return search(failure, seen);
    }

    /** The innermost cause, for a one-line log: its type, SQLState if any, and message. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]" : "";
        return root.getClass().getSimpleName() + state + ": " + root.getMessage();
    }

    private static boolean search(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (matches(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (search(suppressed, seen)) {
                return true;
            }
        }
        return search(failure.getCause(), seen);
    }

    private static boolean matches(Throwable failure) {
        // Hibernate's translation of SQLState class 08, by name: the platform does not need Hibernate on its path here.
        if (failure.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (!(failure instanceof SQLException sql)) {
            return false;
        }
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || STATES.contains(state))) {
            return true;
        }
        // Agroal's pool: no connection within the acquisition timeout (the server does not answer, or every
        // connection is busy waiting for one that does not).
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("acquisition timeout") || sql.getCause() instanceof TimeoutException;
    }
}
