package org.lodestone.mineral.seed;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lodestone.mineral.ControlMeasure;
import org.lodestone.mineral.Dataset;
import org.lodestone.mineral.service.ControlPeriod;
import org.lodestone.mineral.service.PeriodType;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the sourced critical-minerals data set (seed/*.csv, provenance in seed/SOURCES.md) once:
 * a row in {@code seed_import} marks it done, an advisory lock keeps two starting replicas from
 * importing twice, and everything happens in one transaction.
 */
@ApplicationScoped
public class SeedImporter {

    static final String MARKER = "critical-minerals-2026";
    private static final long LOCK_KEY = 0x4c6f6465L;
    private static final Logger LOG = Logger.getLogger(SeedImporter.class);

    private final AgroalDataSource dataSource;

    SeedImporter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        importOnce();
    }

    @Transactional
    public void importOnce() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            try (PreparedStatement check = connection.prepareStatement("SELECT 1 FROM seed_import WHERE name = ?")) {
                check.setString(1, MARKER);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            int rows = minerals(connection) + supplyShares(connection) + production(connection) + prices(connection)
                    + exportControls(connection);
            try (PreparedStatement mark = connection.prepareStatement(
                    "INSERT INTO seed_import (name, row_count) VALUES (?, ?)")) {
                mark.setString(1, MARKER);
                mark.setInt(2, rows);
                mark.executeUpdate();
            }
            LOG.infof("Imported seed data set %s: %d rows", MARKER, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Seed import failed", e);
        }
    }

    /** Binds one CSV row's values to the insert's parameters, in order. */
    @FunctionalInterface
    private interface RowValues {
        Object[] of(Map<String, String> row) throws SQLException;
    }

    /** Inserts every row of one seed file with one batched statement; returns the number of rows. */
    private static int insertAll(Connection c, String file, String insert, RowValues values) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read(file);
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Map<String, String> r : rows) {
                Object[] row = values.of(r);
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int minerals(Connection c) throws SQLException {
        return insertAll(c, "seed/minerals.csv",
                "INSERT INTO mineral (id, name, symbol, unit, uses, uses_source) VALUES (?, ?, ?, ?, ?, ?)",
                r -> new Object[] { r.get("id"), r.get("name"), r.get("symbol_or_group"), r.get("unit"),
                    r.get("uses") == null ? c.createArrayOf("text", new String[0]) : textArray(c, r.get("uses")),
                    r.get("uses_source") });
    }

    private int supplyShares(Connection c) throws SQLException {
        return insertAll(c, "seed/supply_shares.csv", """
                INSERT INTO supply_share (mineral_id, stage, country_code, share_pct, year, dataset, basis, projection,
                                          source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r -> new Object[] { r.get("mineral"), r.get("stage").toUpperCase(), r.get("country_iso2"),
                    Double.parseDouble(r.get("share_pct")), Integer.parseInt(r.get("year")),
                    Dataset.fromBasis(r.get("basis")).name(), r.get("basis"), Dataset.isProjection(r.get("basis")),
                    r.get("source"), r.get("note") });
    }

    private int production(Connection c) throws SQLException {
        return insertAll(c, "seed/production.csv", """
                INSERT INTO production_figure (mineral_id, country_code, year, measure, quantity, unit, basis, source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r -> new Object[] { r.get("mineral"), r.get("country_iso2"), Integer.parseInt(r.get("year")),
                    r.get("measure"), r.get("quantity") == null ? null : Double.parseDouble(r.get("quantity")),
                    r.get("unit"), r.get("basis"), r.get("source"), r.get("note") });
    }

    private int prices(Connection c) throws SQLException {
        return insertAll(c, "seed/prices.csv", """
                INSERT INTO price_point (mineral_id, period, period_type, period_start, price, unit_currency, series,
                                         basis, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", r -> {
                    PeriodType type = PeriodType.fromCode(r.get("period_type"))
                            .orElseThrow(() -> new IllegalStateException("unknown period type " + r.get("period_type")));
                    return new Object[] { r.get("mineral"), r.get("date"), type.code(), type.periodStart(r.get("date")),
                        new BigDecimal(r.get("price")), r.get("unit_currency"), r.get("series"), r.get("basis"),
                        r.get("source") };
                });
    }

    private int exportControls(Connection c) throws SQLException {
        Map<String, String> suspendedBy = new HashMap<>();
        int rows = insertAll(c, "seed/export_controls.csv", """
                INSERT INTO export_control (id, imposing_country, mineral_ids, targets, targets_all, measure,
                    announced_date, effective_date, ends_date, summary, source, status_note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed')""", r -> {
                    String target = r.get("target");
                    boolean all = "ALL".equals(target);
                    String note = r.get("status_note");
                    // validate the dates the source gives before storing them
                    ControlPeriod.start(r.get("announced_date"));
                    ControlPeriod.start(r.get("effective_date"));
                    ControlMeasure measure = ControlMeasure.fromCode(r.get("measure")).orElseThrow(() ->
                            new IllegalStateException("export control " + r.get("id") + ": measure '" + r.get("measure")
                                    + "' is not one of " + ControlMeasure.CODES));
                    StatusNoteReader.referencedControl(note).ifPresent(other -> suspendedBy.put(r.get("id"), other));
                    return new Object[] { r.get("id"), r.get("imposing_country"), textArray(c, r.get("minerals")),
                        all ? c.createArrayOf("text", new String[0]) : textArray(c, target), all, measure.code(),
                        r.get("announced_date"), r.get("effective_date"), StatusNoteReader.endDate(note).orElse(null),
                        r.get("summary"), r.get("source"), note };
                });
        // A suspension row suspends the control whose note names it.
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE export_control SET suspends_id = ? WHERE id = ? AND measure = 'suspension'")) {
            for (Map.Entry<String, String> link : suspendedBy.entrySet()) {
                ps.setString(1, link.getKey());
                ps.setString(2, link.getValue());
                ps.addBatch();
            }
            int linked = Arrays.stream(ps.executeBatch()).sum();
            LOG.debugf("Linked %d suspensions to the controls they suspend", linked);
        }
        return rows;
    }

    private static Array textArray(Connection c, String semicolonList) throws SQLException {
        return c.createArrayOf("text", semicolonList.split(";"));
    }
}
