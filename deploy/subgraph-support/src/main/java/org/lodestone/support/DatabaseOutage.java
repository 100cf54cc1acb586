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
     * Hibernate's connection exception, or the pool giving up waiting for a connection.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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
        }
        return false;
    }
}
