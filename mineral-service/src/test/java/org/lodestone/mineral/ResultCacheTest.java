package org.lodestone.mineral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.lodestone.support.cache.DataChanges;
import org.lodestone.support.cache.ResultCache;
import org.lodestone.testing.GraphQL;
import org.lodestone.testing.PostgresTestResource;
import org.lodestone.testing.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Answers kept in memory are served again only while nothing changed: a repeated query is a hit, a write through
 * this service is seen by the very next read, and a write made behind the service's back (as another replica would)
 * is seen as soon as PostgreSQL's notification arrives. Every table notifies.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ResultCacheTest {

    private static final String GALLIUM = "{ mineral(id: \"gallium\") { name } }";

    @Inject
    ResultCache cache;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataChanges changes;

    @Test
    void everyTableNotifiesDataChanges() throws SQLException {
        List<String> silent = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p')
                          and c.relname <> 'flyway_schema_history'
                          and not exists (select 1 from pg_trigger g
                                          where g.tgrelid = c.oid and g.tgname = 'lodestone_data_changed')""")) {
            while (rows.next()) {
                silent.add(rows.getString(1));
            }
        }
        assertEquals(List.of(), silent, "tables without the data-change trigger");
    }

    @Test
    void aRepeatedQueryIsServedFromMemoryAndAWriteIsSeenByTheNextRead() throws Exception {
        String analyst = TestTokens.analyst();
        awaitListening(analyst);
        int before = controls(analyst);
        long hits = cache.hits();
        assertEquals(before, controls(analyst));
        assertTrue(cache.hits() > hits, "the repeated query was served from memory");

        String id = GraphQL.ok(analyst, """
                mutation { recordExportControl(input: { imposingCountry: "CN", measure: "ban", minerals: ["gallium"],
                  source: "Result cache test, 2026", effectiveOn: "2026-01-15", targetsAll: true }) { id } }""")
                .extract().jsonPath().getString("data.recordExportControl.id");
        assertTrue(id != null && !id.isBlank());
        assertEquals(before + 1, controls(analyst), "the write is seen by the next read, at once");
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceItsNotificationArrives() throws Exception {
        String member = TestTokens.member("JP");
        awaitListening(member);
        String name = galliumName(member);
        assertEquals(name, galliumName(member));
        try {
            execute("update mineral set name = name || ' (renamed elsewhere)' where id = 'gallium'");
            long until = System.nanoTime() + 2_000_000_000L;
            String seen = galliumName(member);
            while (!seen.endsWith("(renamed elsewhere)") && System.nanoTime() < until) {
                Thread.sleep(20);
                seen = galliumName(member);
            }
            assertEquals(name + " (renamed elsewhere)", seen, "the change made elsewhere is seen within 2 s");
        } finally {
            execute("update mineral set name = replace(name, ' (renamed elsewhere)', '') where id = 'gallium'");
        }
    }

    /** The first query starts the listener; answers are kept once it listens (a cold first query may be slow). */
    private void awaitListening(String token) throws InterruptedException {
        galliumName(token);
        long until = System.nanoTime() + 10_000_000_000L;
        long hits = cache.hits();
        while (System.nanoTime() < until) {
            galliumName(token);
            galliumName(token);
            if (cache.hits() > hits) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer kept within 10 s: version " + changes.version() + ", answer "
                + GraphQL.ok(token, GALLIUM).extract().asString());
    }

    private static int controls(String token) {
        return GraphQL.ok(token, "{ exportControls { id } }").extract().jsonPath().getList("data.exportControls")
                .size();
    }

    private static String galliumName(String token) {
        return GraphQL.ok(token, GALLIUM).extract().jsonPath().getString("data.mineral.name");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
