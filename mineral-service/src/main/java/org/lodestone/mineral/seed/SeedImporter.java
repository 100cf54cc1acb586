package org.lodestone.mineral.seed;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
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

    private int minerals(Connection c) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read("seed/minerals.csv");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mineral (id, name, symbol, unit, uses, uses_source) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map<String, String> r : rows) {
                ps.setString(1, r.get("id"));
                ps.setString(2, r.get("name"));
                ps.setString(3, r.get("symbol_or_group"));
                ps.setString(4, r.get("unit"));
                String uses = r.get("uses");
                ps.setArray(5, c.createArrayOf("text", uses == null ? new String[0] : uses.split(";")));
                ps.setString(6, r.get("uses_source"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int supplyShares(Connection c) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read("seed/supply_shares.csv");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO supply_share (mineral_id, stage, country_code, share_pct, year, dataset, basis, projection,
                                          source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map<String, String> r : rows) {
                String basis = r.get("basis");
                ps.setString(1, r.get("mineral"));
                ps.setString(2, r.get("stage").toUpperCase());
                ps.setString(3, r.get("country_iso2"));
                ps.setDouble(4, Double.parseDouble(r.get("share_pct")));
                ps.setInt(5, Integer.parseInt(r.get("year")));
                ps.setString(6, Dataset.fromBasis(basis).name());
                ps.setString(7, basis);
                ps.setBoolean(8, Dataset.isProjection(basis));
                ps.setString(9, r.get("source"));
                ps.setString(10, r.get("note"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int production(Connection c) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read("seed/production.csv");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO production_figure (mineral_id, country_code, year, measure, quantity, unit, basis, source, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map<String, String> r : rows) {
                ps.setString(1, r.get("mineral"));
                ps.setString(2, r.get("country_iso2"));
                ps.setInt(3, Integer.parseInt(r.get("year")));
                ps.setString(4, r.get("measure"));
                if (r.get("quantity") == null) {
                    ps.setNull(5, Types.DOUBLE);
                } else {
                    ps.setDouble(5, Double.parseDouble(r.get("quantity")));
                }
                ps.setString(6, r.get("unit"));
                ps.setString(7, r.get("basis"));
                ps.setString(8, r.get("source"));
                ps.setString(9, r.get("note"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int prices(Connection c) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read("seed/prices.csv");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO price_point (mineral_id, period, period_type, period_start, price, unit_currency, series,
                                         basis, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Map<String, String> r : rows) {
                PeriodType type = PeriodType.fromCode(r.get("period_type"))
                        .orElseThrow(() -> new IllegalStateException("unknown period type " + r.get("period_type")));
                ps.setString(1, r.get("mineral"));
                ps.setString(2, r.get("date"));
                ps.setString(3, type.code());
                ps.setObject(4, type.periodStart(r.get("date")));
                ps.setBigDecimal(5, new BigDecimal(r.get("price")));
                ps.setString(6, r.get("unit_currency"));
                ps.setString(7, r.get("series"));
                ps.setString(8, r.get("basis"));
                ps.setString(9, r.get("source"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private int exportControls(Connection c) throws SQLException {
        List<Map<String, String>> rows = SeedCsv.read("seed/export_controls.csv");
        Map<String, String> suspendedBy = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO export_control (id, imposing_country, mineral_ids, targets, targets_all, measure,
                    announced_date, effective_date, ends_date, summary, source, status_note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed')""")) {
            for (Map<String, String> r : rows) {
                String target = r.get("target");
                boolean all = "ALL".equals(target);
                String note = r.get("status_note");
                // validate the dates the source gives before storing them
                ControlPeriod.start(r.get("announced_date"));
                ControlPeriod.start(r.get("effective_date"));
                ps.setString(1, r.get("id"));
                ps.setString(2, r.get("imposing_country"));
                ps.setArray(3, textArray(c, r.get("minerals")));
                ps.setArray(4, all ? c.createArrayOf("text", new String[0]) : textArray(c, target));
                ps.setBoolean(5, all);
                ps.setString(6, r.get("measure"));
                ps.setString(7, r.get("announced_date"));
                ps.setString(8, r.get("effective_date"));
                ps.setString(9, StatusNoteReader.endDate(note).orElse(null));
                ps.setString(10, r.get("summary"));
                ps.setString(11, r.get("source"));
                ps.setString(12, note);
                ps.addBatch();
                StatusNoteReader.referencedControl(note).ifPresent(other -> suspendedBy.put(r.get("id"), other));
            }
            ps.executeBatch();
        }
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
        return rows.size();
    }

    private static Array textArray(Connection c, String semicolonList) throws SQLException {
        return c.createArrayOf("text", semicolonList.split(";"));
    }
}
