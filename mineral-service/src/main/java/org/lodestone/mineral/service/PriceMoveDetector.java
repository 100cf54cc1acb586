package org.lodestone.mineral.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.PriceMoveDto;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.mineral.mapping.MineralMapper;

/**
 * PRICE_MOVE: after prices are stored (one point, or a whole bulk batch), one set-based pass over the points written
 * by the current transaction finds those that moved past the threshold since a control in force started, and writes
 * their alerts in the same transaction (a rolled-back write alerts nothing).
 *
 * <p>The rule. For each restriction in force today (not a suspension; started, by its effective date or else its
 * announcement date; not ended; not suspended today) and each of its minerals, each series (series, unit, period
 * type) with a point written now whose period starts on or after the control's start is compared, by its latest such
 * point, with the last point of the same series whose period starts before the control's start (the "before" point
 * of {@code ExportControl.priceMoves}). change = after / before - 1, in per cent. When it reaches the threshold
 * ({@code lodestone.mineral.alerts.price-move-threshold-pct}, 10), the series that moved most gives one alert per
 * control, mineral and direction (UP or DOWN). Another alert for the same control, mineral and direction needs a
 * change at least one more threshold further from the before price (10% alerts, then 20%, ...; falling back and rising
 * again to the same level alerts nothing): no storm from a series that hovers around the threshold, nor from many
 * points of one upload. The last alerted change is kept in {@code price_move_alert}, claimed by an upsert, so two
 * concurrent writes cannot alert the same step twice.
 *
 * <p>The points written now are found from the controls: for each control in force and each of its minerals, the
 * {@code (mineral_id, period_start)} index gives that mineral's points from the control's start, and of those only the
 * ones this transaction wrote are kept ({@code xmin}). The lateral subquery is kept apart from the join
 * ({@code OFFSET 0}) so the planner cannot turn it into one pass over the whole table filtered on {@code xmin}: that
 * plan read every stored price after each write (after a 500,000-row upload into a table of a million, most of a
 * second of PostgreSQL's CPU), where this one reads only the controlled minerals' points since their controls began.
 */
@ApplicationScoped
public class PriceMoveDetector {

    static final String DETECT = """
            WITH in_force AS (
                SELECT c.id AS control_id, m.mineral_id, c.starts
                FROM (SELECT c.id, c.mineral_ids, control_day(coalesce(c.effective_date, c.announced_date)) AS starts,
                             control_day(c.ends_date) AS ends
                      FROM export_control c WHERE c.measure <> 'suspension') c
                CROSS JOIN LATERAL unnest(c.mineral_ids) AS m(mineral_id)
                WHERE c.starts <= ? AND (c.ends IS NULL OR ? <= c.ends)
                  AND NOT EXISTS (SELECT 1 FROM export_control s WHERE s.suspends_id = c.id
                      AND (control_day(coalesce(s.effective_date, s.announced_date)) IS NULL
                           OR control_day(coalesce(s.effective_date, s.announced_date)) <= ?)
                      AND (s.ends_date IS NULL OR ? <= control_day(s.ends_date)))
            ), latest AS (
                SELECT DISTINCT ON (f.control_id, p.mineral_id, p.series, p.unit_currency, p.period_type)
                       f.control_id, f.starts, p.mineral_id, p.series, p.unit_currency, p.period_type, p.period,
                       p.price, p.source
                FROM in_force f
                CROSS JOIN LATERAL (SELECT p.* FROM price_point p
                                    WHERE p.mineral_id = f.mineral_id AND p.period_start >= f.starts
                                      AND p.xmin = pg_current_xact_id()::xid
                                    OFFSET 0) p
                ORDER BY f.control_id, p.mineral_id, p.series, p.unit_currency, p.period_type, p.period_start DESC,
                         p.id DESC
            ), moves AS (
                SELECT l.*, b.period AS before_period, b.price AS before_price,
                       round((l.price / b.price - 1) * 100, 2) AS change_pct
                FROM latest l
                JOIN LATERAL (SELECT b.period, b.price FROM price_point b
                              WHERE b.mineral_id = l.mineral_id AND b.series IS NOT DISTINCT FROM l.series
                                AND b.unit_currency = l.unit_currency AND b.period_type = l.period_type
                                AND b.period_start < l.starts
                              ORDER BY b.period_start DESC, b.id DESC LIMIT 1) b ON b.price > 0
            ), strongest AS (
                SELECT DISTINCT ON (control_id, mineral_id, sign(change_pct)) *,
                       CASE WHEN change_pct > 0 THEN 'UP' ELSE 'DOWN' END AS direction
                FROM moves WHERE abs(change_pct) >= ?
                ORDER BY control_id, mineral_id, sign(change_pct), abs(change_pct) DESC, series
            ), claimed AS (
                INSERT INTO price_move_alert (control_id, mineral_id, direction, change_pct)
                SELECT control_id, mineral_id, direction, change_pct FROM strongest
                ON CONFLICT (control_id, mineral_id, direction) DO UPDATE SET change_pct = EXCLUDED.change_pct
                WHERE abs(EXCLUDED.change_pct) >= abs(price_move_alert.change_pct) + ?
                RETURNING control_id, mineral_id, direction
            )
            SELECT s.control_id, s.mineral_id, s.series, s.unit_currency, s.period_type, s.before_period,
                   s.before_price, s.period, s.price, s.change_pct, s.source
            FROM strongest s JOIN claimed c USING (control_id, mineral_id, direction)
            ORDER BY s.control_id, s.mineral_id, s.direction""";

    private record Move(String control, PriceMoveDto move) {
    }

    private final EntityManager em;
    private final ExportControlService controls;
    private final AlertOutbox alerts;
    private final MineralConfig config;
    private final Clock clock = Clock.systemUTC();

    PriceMoveDetector(EntityManager em, ExportControlService controls, AlertOutbox alerts, MineralConfig config) {
        this.em = em;
        this.controls = controls;
        this.alerts = alerts;
        this.config = config;
    }

    /** After a write through Hibernate: its pending inserts are flushed first, then detected on its connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterPricesStored() {
        em.flush();
        return alert(em.unwrap(Session.class).doReturningWork(c -> detect(c, LocalDate.now(clock))));
    }

    /** After rows were stored on this connection of the current transaction (the bulk ingest's COPY). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int afterPricesStored(Connection connection) throws SQLException {
        return alert(detect(connection, LocalDate.now(clock)));
    }

    private int alert(List<Move> found) {
        if (found.isEmpty()) {
            return 0;
        }
        Map<String, ExportControlDto> byId = controls.byIds(found.stream().map(Move::control).toList());
        found.forEach(m -> alerts.priceMoved(byId.get(m.control()), m.move()));
        return found.size();
    }

    private List<Move> detect(Connection connection, LocalDate today) throws SQLException {
        BigDecimal threshold = BigDecimal.valueOf(config.alerts().priceMoveThresholdPct());
        try (PreparedStatement detect = connection.prepareStatement(DETECT)) {
            Date day = Date.valueOf(today);
            for (int i = 1; i <= 4; i++) {
                detect.setDate(i, day);
            }
            detect.setBigDecimal(5, threshold);
            detect.setBigDecimal(6, threshold);
            List<Move> found = new ArrayList<>();
            try (ResultSet rows = detect.executeQuery()) {
                while (rows.next()) {
                    found.add(new Move(rows.getString("control_id"), new PriceMoveDto(rows.getString("mineral_id"),
                            rows.getString("series"), rows.getString("unit_currency"), rows.getString("period_type"),
                            rows.getString("before_period"), rows.getBigDecimal("before_price"),
                            rows.getString("period"), rows.getBigDecimal("price"),
                            rows.getBigDecimal("change_pct").doubleValue(),
                            MineralMapper.toSource(rows.getString("source")), List.of())));
                }
            }
            return found;
        }
    }
}
