package io.skyvern.server.fuzz;

import io.skyvern.persistence.Database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Row count of every application table (found through JDBC metadata, so tables added by later
 * migrations are included), plus the latest {@code modified_at} where a table has one, read in
 * one query. Two equal snapshots mean no row was added, removed or touched.
 */
public final class DbSnapshot {
    private final Database database;
    private final List<String> tables;
    private final String query;

    public DbSnapshot(Database database) {
        this.database = database;
        Map<String, Boolean> found = database.jdbi().withHandle(h -> {
            try {
                return tables(h.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        this.tables = List.copyOf(found.keySet());
        List<String> selects = new ArrayList<>();
        for (Map.Entry<String, Boolean> e : found.entrySet()) {
            selects.add("(SELECT COUNT(*) FROM " + e.getKey() + ")");
            if (e.getValue()) {
                selects.add("(SELECT CAST(MAX(modified_at) AS VARCHAR(64)) FROM " + e.getKey() + ")");
            }
        }
        this.query = "SELECT " + String.join(", ", selects);
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables found");
        }
    }

    public List<String> tables() {
        return tables;
    }

    /** The current counts and stamps, in table order. */
    public List<String> take() {
        return database.jdbi().withHandle(h -> h.createQuery(query).map((rs, ctx) -> {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(Objects.toString(rs.getObject(i)));
            }
            return values;
        }).one());
    }

    /** Row counts by table name. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.jdbi().useHandle(h -> {
            for (String t : tables) {
                counts.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
        });
        return counts;
    }

    /** "table.column" of every cell, in every table, whose text contains {@code needle}. */
    public List<String> cellsContaining(String needle) {
        List<String> hits = new ArrayList<>();
        database.jdbi().useHandle(h -> {
            for (String t : tables) {
                h.createQuery("SELECT * FROM " + t).map((rs, ctx) -> {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        String value = rs.getString(i);
                        if (value != null && value.contains(needle)) {
                            hits.add(t + "." + rs.getMetaData().getColumnName(i));
                        }
                    }
                    return 0;
                }).list();
            }
        });
        return hits;
    }

    /** Every cell of every table as text (for scans that need the whole database). */
    public long cellCount() {
        long[] cells = {0};
        database.jdbi().useHandle(h -> {
            for (String t : tables) {
                h.createQuery("SELECT * FROM " + t).map((rs, ctx) -> {
                    cells[0] += rs.getMetaData().getColumnCount();
                    return 0;
                }).list();
            }
        });
        return cells[0];
    }

    /** Application tables (not Flyway's history) of the connection's schema, each with whether it has modified_at. */
    static Map<String, Boolean> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Boolean> tables = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    tables.put(name, false);
                }
            }
        }
        for (String table : List.copyOf(tables.keySet())) {
            try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
                while (rs.next()) {
                    if (rs.getString("COLUMN_NAME").equalsIgnoreCase("modified_at")) {
                        tables.put(table, true);
                    }
                }
            }
        }
        return tables;
    }
}
