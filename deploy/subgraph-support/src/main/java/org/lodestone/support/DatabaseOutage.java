package org.lodestone.support;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (server down, connection lost, pool starved) from other failures. */
public final class DatabaseOutage {

    public static final String MESSAGE = "The database is not available right now; try again shortly.";

    private DatabaseOutage() {
    }

    /**
     * True when {@code failure} or one of its causes says the connection to the database failed: SQLState class 08
     * (connection exception), 57P01-57P03 (the server shutting down or starting), a transient connection failure,
     * Hibernate's connection exception, or the pool giving up waiting for a connection. Suppressed exceptions count
     * as causes: a transaction manager that cannot commit because the connection died reports the driver's exception
     * there ({@code RollbackException} with the resource's failure suppressed).
     */
    public static boolean isCause(Throwable failure) {
        return isCause(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static boolean isCause(Throwable failure, java.util.Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isCause(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
