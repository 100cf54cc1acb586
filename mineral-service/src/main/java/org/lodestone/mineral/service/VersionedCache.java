package org.lodestone.mineral.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Reads of the reference tables (minerals, supply shares, prices, export controls), kept in memory with exact
 * invalidation. Every statement that changes one of those tables bumps its number in {@code data_version} in the
 * same transaction (a trigger, see {@code V2_1__data_version.sql}); before answering from memory, a read fetches the
 * numbers (one small statement) and recomputes when the one its entry was computed under has moved. So a committed
 * write, on any replica, is seen by the next read on every replica, and rolled-back writes never bump anything.
 * <p>
 * The numbers are read before the data: a write committing in between leaves newer data under an older number, which
 * only costs one recomputation, never a stale answer. Values must be immutable. Large results (more than
 * {@link #LARGEST_CACHED} rows) are computed every time rather than kept.
 */
@ApplicationScoped
public class VersionedCache {

    /** A table whose reads are cached. */
    public enum Table {
        MINERAL("mineral"),
        SUPPLY_SHARE("supply_share"),
        PRICE_POINT("price_point"),
        EXPORT_CONTROL("export_control");

        final String name;

        Table(String name) {
            this.name = name;
        }
    }

    static final int MAX_ENTRIES = 4096;
    static final int LARGEST_CACHED = 20_000;

    private record Key(Table table, String kind, Object arguments) {
    }

    private record Entry(long version, Object value) {
    }

    private final AgroalDataSource dataSource;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    VersionedCache(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The value for {@code arguments} (a record or list with value equality) computed from {@code table} under its
     * current version, computing it when missing or outdated.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Table table, String kind, Object arguments, Supplier<T> compute) {
        long version = version(table);
        Key key = new Key(table, kind, arguments);
        Entry known = entries.get(key);
        if (known != null && known.version() == version) {
            return (T) known.value();
        }
        T value = compute.get();
        if (!(value instanceof java.util.Collection<?> c && c.size() > LARGEST_CACHED)
                && !(value instanceof Map<?, ?> m && m.size() > LARGEST_CACHED)) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(version, value));
        }
        return value;
    }

    /** Forgets everything (tests that count the statements of a cold read). */
    public void clear() {
        entries.clear();
    }

    private long version(Table table) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT version FROM data_version WHERE name = ?")) {
            statement.setString(1, table.name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("data_version has no row for " + table.name);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the data version of " + table.name + " failed", e);
        }
    }

    /** The arguments of a cached call, as one value with equality. */
    public static List<Object> args(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
