package org.lodestone.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    private static final SQLException CONNECTION_LOST = new SQLException("An I/O error occurred", "08006");

    @Test
    void aConnectionFailureAnywhereInTheCauseChainIsAnOutage() {
        assertTrue(DatabaseOutage.isCause(new IllegalStateException("read failed",
                new RuntimeException(CONNECTION_LOST))));
        assertTrue(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void aConnectionFailureSuppressedUnderACommitFailureIsAnOutage() {
        // What a transaction manager throws when the one-phase commit found the connection dead: no cause, the
        // resource's failure (itself caused by the driver's exception) added as suppressed.
        Exception rollback = new Exception("Could not commit transaction");
        Exception resource = new Exception("onePhaseCommit failed");
        resource.initCause(CONNECTION_LOST);
        rollback.addSuppressed(resource);

        assertTrue(DatabaseOutage.isCause(new RuntimeException("undeclared", rollback)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bad input")));
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate key", "23505")));
        Exception self = new Exception("cycle");
        Exception other = new Exception("back", self);
        self.addSuppressed(other);
        assertFalse(DatabaseOutage.isCause(self), "cycles through suppressed exceptions end");
    }
}
