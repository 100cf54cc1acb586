package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.lodestone.testing.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * price_point's reference to mineral, checked once per statement by triggers instead of a row-by-row foreign key:
 * the same refusals, including a delete of a mineral racing a write of its prices. Works on a mineral of its own,
 * added and removed around each test.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@Order(6)
class PriceMineralReferenceTest {

    private static final String MINERAL = "reference_check_test";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String INSERT_PRICE = "INSERT INTO price_point (mineral_id, period, period_type, period_start,"
            + " price, unit_currency, source) VALUES ('%s', '1950', 'annual_average', '1950-01-01', 1, 'USD/t', 'test')";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @BeforeEach
    void addMineral() throws SQLException {
        execute("INSERT INTO mineral (id, name) VALUES ('" + MINERAL + "', 'Reference check test')");
    }

    @AfterEach
    void removeMineral() throws SQLException {
        execute("DELETE FROM price_point WHERE mineral_id = '" + MINERAL + "'");
        execute("DELETE FROM mineral WHERE id = '" + MINERAL + "'");
    }

    @Test
    void aPriceOfAnUnknownMineralIsRefusedNamingIt() throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> execute(
                "INSERT INTO price_point (mineral_id, period, period_type, period_start, price, unit_currency, source)"
                        + " VALUES ('" + MINERAL + "', '1950', 'annual_average', '1950-01-01', 1, 'USD/t', 'test'),"
                        + " ('no_such_mineral', '1950', 'annual_average', '1950-01-01', 1, 'USD/t', 'test')"));
        assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState());
        assertTrue(refused.getMessage().contains("no_such_mineral"), refused.getMessage());
        assertEquals(0, pricesOf(MINERAL), "the statement wrote nothing");

        execute(INSERT_PRICE.formatted(MINERAL));
        SQLException moved = assertThrows(SQLException.class, () -> execute(
                "UPDATE price_point SET mineral_id = 'no_such_mineral' WHERE mineral_id = '" + MINERAL + "'"));
        assertEquals(FOREIGN_KEY_VIOLATION, moved.getSQLState());
        assertEquals(1, pricesOf(MINERAL));
    }

    @Test
    void aMineralNamedByAPriceCannotBeDeletedNorRenamed() throws SQLException {
        execute(INSERT_PRICE.formatted(MINERAL));
        SQLException deleted = assertThrows(SQLException.class,
                () -> execute("DELETE FROM mineral WHERE id = '" + MINERAL + "'"));
        assertEquals(FOREIGN_KEY_VIOLATION, deleted.getSQLState());
        SQLException renamed = assertThrows(SQLException.class,
                () -> execute("UPDATE mineral SET id = 'renamed_" + MINERAL + "' WHERE id = '" + MINERAL + "'"));
        assertEquals(FOREIGN_KEY_VIOLATION, renamed.getSQLState());
        execute("UPDATE mineral SET name = 'Renamed, same id' WHERE id = '" + MINERAL + "'");

        execute("DELETE FROM price_point WHERE mineral_id = '" + MINERAL + "'");
        execute("DELETE FROM mineral WHERE id = '" + MINERAL + "'");
        assertFalse(exists(), "a mineral no price names is deleted");
    }

    @Test
    void aDeleteWaitsForAWriterOfItsPricesAndThenFails() throws Exception {
        try (Connection writer = connect(); Connection deleter = connect()) {
            writer.setAutoCommit(false);
            try (Statement write = writer.createStatement()) {
                write.execute(INSERT_PRICE.formatted(MINERAL));
            }
            CompletableFuture<SQLException> delete = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = deleter.createStatement()) {
                    statement.execute("SET statement_timeout = '20s'");
                    statement.execute("DELETE FROM mineral WHERE id = '" + MINERAL + "'");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(500);
            assertFalse(delete.isDone(), "the delete waits for the writer's lock on the mineral");
            writer.commit();
            SQLException refused = delete.get(30, TimeUnit.SECONDS);
            assertEquals(FOREIGN_KEY_VIOLATION, refused == null ? null : refused.getSQLState());
        }
        assertTrue(exists());
        assertEquals(1, pricesOf(MINERAL));
    }

    @Test
    void aWriterWaitsForADeleteOfItsMineralAndThenFails() throws Exception {
        try (Connection writer = connect(); Connection deleter = connect()) {
            deleter.setAutoCommit(false);
            try (Statement delete = deleter.createStatement()) {
                delete.execute("DELETE FROM mineral WHERE id = '" + MINERAL + "'");
            }
            CompletableFuture<SQLException> write = insertPriceMeanwhile(writer, MINERAL);
            Thread.sleep(500);
            assertFalse(write.isDone(), "the writer waits for the delete's lock on the mineral");
            deleter.commit();
            SQLException refused = write.get(30, TimeUnit.SECONDS);
            assertEquals(FOREIGN_KEY_VIOLATION, refused == null ? null : refused.getSQLState());
        }
        assertFalse(exists());
        assertEquals(0, pricesOf(MINERAL));
        execute("INSERT INTO mineral (id, name) VALUES ('" + MINERAL + "', 'Reference check test')");
    }

    /**
     * The check after a write walks every mineral id price_point holds and locks each: a mineral being deleted
     * together with all its prices makes a writer of other minerals wait, and once that delete commits the writer
     * goes on (it named no such mineral).
     */
    @Test
    void aWriterOfOtherMineralsIsNotFailedByAMineralDeletedWithItsPrices() throws Exception {
        String other = MINERAL + "_other";
        execute("INSERT INTO mineral (id, name) VALUES ('" + other + "', 'Reference check test, other')");
        execute(INSERT_PRICE.formatted(other));
        try (Connection writer = connect(); Connection deleter = connect()) {
            deleter.setAutoCommit(false);
            try (Statement delete = deleter.createStatement()) {
                delete.execute("DELETE FROM price_point WHERE mineral_id = '" + other + "'");
                delete.execute("DELETE FROM mineral WHERE id = '" + other + "'");
            }
            CompletableFuture<SQLException> write = insertPriceMeanwhile(writer, MINERAL);
            Thread.sleep(500);
            assertFalse(write.isDone(), "the writer waits for the delete's lock on the other mineral");
            deleter.commit();
            assertEquals(null, write.get(30, TimeUnit.SECONDS));
        } finally {
            execute("DELETE FROM price_point WHERE mineral_id = '" + other + "'");
            execute("DELETE FROM mineral WHERE id = '" + other + "'");
        }
        assertEquals(1, pricesOf(MINERAL));
        assertEquals(0, pricesOf(other));
    }

    /** A bulk COPY is checked the same way: a row naming an unknown mineral fails the whole copy, naming it. */
    @Test
    void aCopyNamingAnUnknownMineralIsRefused() throws Exception {
        try (Connection connection = connect()) {
            var copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            String rows = MINERAL + ",1950,annual_average,1950-01-01,1,USD/t,test\n"
                    + "no_such_copied_mineral,1950,annual_average,1950-01-01,1,USD/t,test\n";
            SQLException refused = assertThrows(SQLException.class, () -> copy.copyIn("COPY price_point (mineral_id,"
                    + " period, period_type, period_start, price, unit_currency, source) FROM STDIN (FORMAT csv)",
                    new java.io.StringReader(rows)));
            assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState());
            assertTrue(refused.getMessage().contains("no_such_copied_mineral"), refused.getMessage());
        }
        assertEquals(0, pricesOf(MINERAL));
    }

    /** Inserts a price of the mineral on another thread; the future gives the error the insert raised, or null. */
    private static CompletableFuture<SQLException> insertPriceMeanwhile(Connection writer, String mineral) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement statement = writer.createStatement()) {
                statement.execute("SET statement_timeout = '20s'");
                statement.execute(INSERT_PRICE.formatted(mineral));
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private boolean exists() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM mineral WHERE id = '" + MINERAL + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private int pricesOf(String mineral) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM price_point WHERE mineral_id = '" + mineral + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
