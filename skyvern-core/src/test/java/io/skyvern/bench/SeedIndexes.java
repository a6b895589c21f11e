package io.skyvern.bench;

import io.skyvern.persistence.Database;

import java.util.List;
import java.util.Locale;

/**
 * Drops the secondary indexes of a table before a bulk seed and recreates them from their own
 * definitions afterwards: building an index over a loaded table is a sort, while maintaining a
 * dozen indexes row by row makes H2's append-only store rewrite the same pages again and again.
 * Benchmark support only.
 */
final class SeedIndexes {
    private final Database db;
    private final List<String> ddl;

    private SeedIndexes(Database db, List<String> ddl) {
        this.db = db;
        this.ddl = ddl;
    }

    static SeedIndexes dropAll(Database db, String table) {
        List<String> ddl = db.isPostgres() ? postgresDdl(db, table) : h2Ddl(db, table);
        db.jdbi().useHandle(h -> {
            for (String statement : ddl) {
                String name = statement.split("\\s+")[2];
                h.execute("DROP INDEX " + name);
            }
        });
        return new SeedIndexes(db, ddl);
    }

    void recreate() {
        db.jdbi().useHandle(h -> ddl.forEach(h::execute));
    }

    int count() {
        return ddl.size();
    }

    private static List<String> postgresDdl(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT indexdef FROM pg_indexes WHERE tablename = :t "
                        + "AND schemaname = current_schema() AND indexname LIKE 'ix\\_%' ORDER BY indexname")
                .bind("t", table).mapTo(String.class).list());
    }

    private static List<String> h2Ddl(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT INDEX_NAME, COLUMN_NAME, ORDERING_SPECIFICATION, "
                        + "NULL_ORDERING FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_NAME = :t "
                        + "AND TABLE_SCHEMA = SCHEMA() AND INDEX_NAME LIKE 'IX!_%' ESCAPE '!' "
                        + "ORDER BY INDEX_NAME, ORDINAL_POSITION")
                .bind("t", table.toUpperCase(Locale.ROOT))
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2) + " " + rs.getString(3)
                        + (rs.getString(4) == null ? "" : " NULLS " + rs.getString(4))})
                .list()).stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r[0], java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(r -> r[1], java.util.stream.Collectors.joining(", "))))
                .entrySet().stream()
                .map(e -> "CREATE INDEX " + e.getKey() + " ON " + table + " (" + e.getValue() + ")")
                .toList();
    }
}
