package io.skyvern.persistence;

import io.skyvern.config.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store with crash-safe commits (no H2 background writer) is compacted while it runs,
 * and compaction loses nothing.
 */
class H2HousekeepingTest {
    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    @Test
    void only_a_crash_safe_h2_file_store_gets_housekeeping() {
        try (Database crashSafe = Database.open(config("jdbc:h2:file:" + dir.resolve("a")));
             Database delayed = Database.open(config("jdbc:h2:file:" + dir.resolve("b") + ";WRITE_DELAY=250"))) {
            assertThat(crashSafe.housekeeping()).isPresent();
            assertThat(delayed.housekeeping()).isEmpty();
        }
    }

    @Test
    void compaction_raises_the_fill_rate_of_a_churned_store_and_keeps_every_row() throws Exception {
        // RETENTION_TIME=0: chunks may be rewritten at once instead of after 45 s, so the test is quick.
        // Passes by hand only: the timer would compact during the churn.
        try (Database db = Database.open(config("jdbc:h2:file:" + dir.resolve("churn") + ";RETENTION_TIME=0"),
                Duration.ofHours(1))) {
            Map<Integer, String> expected = churn(db);
            int before = fillRate(db);
            assertThat(before).as("chunk fill rate after the churn").isLessThan(80);

            H2Housekeeping housekeeping = db.housekeeping().orElseThrow();
            int passes = 0;
            while (fillRate(db) < 80 && passes < 200) {
                housekeeping.compactOnce();
                // The rewritten pages go out with the next commit.
                db.jdbi().useHandle(h -> h.execute("UPDATE churn SET v = v WHERE id = 0"));
                passes++;
            }
            int after = fillRate(db);
            System.out.printf("H2HousekeepingTest: chunk fill rate %d %% -> %d %% in %d passes%n", before, after, passes);
            assertThat(after).as("fill rate after %d passes", passes).isGreaterThan(before).isGreaterThanOrEqualTo(70);
            assertThat(rows(db)).isEqualTo(expected);
        }
    }

    /** Inserts ROWS rows, then rewrites a random tenth of them in each of 150 commits. */
    private static Map<Integer, String> churn(Database db) {
        Map<Integer, String> expected = new HashMap<>();
        db.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE churn (id INT PRIMARY KEY, v VARCHAR(200))");
            var batch = h.prepareBatch("INSERT INTO churn (id, v) VALUES (:id, :v)");
            for (int i = 0; i < ROWS; i++) {
                String v = "initial value " + i + " ".repeat(i % 50);
                batch.bind("id", i).bind("v", v).add();
                expected.put(i, v);
            }
            batch.execute();
        });
        Random random = new Random(42);
        for (int commit = 0; commit < 150; commit++) {
            int round = commit;
            db.jdbi().useTransaction(h -> {
                for (int k = 0; k < ROWS / 10; k++) {
                    int id = random.nextInt(ROWS);
                    String v = "value " + id + " of commit " + round;
                    h.createUpdate("UPDATE churn SET v = :v WHERE id = :id").bind("v", v).bind("id", id).execute();
                    expected.put(id, v);
                }
            });
        }
        return expected;
    }

    private static int fillRate(Database db) throws Exception {
        return db.jdbi().withHandle(h -> {
            Connection c = h.getConnection();
            return H2Housekeeping.chunksFillRate(c).orElseThrow();
        });
    }

    private static Map<Integer, String> rows(Database db) {
        Map<Integer, String> rows = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, v FROM churn")
                .map((rs, ctx) -> rows.put(rs.getInt("id"), rs.getString("v"))).list());
        return rows;
    }

    private static DatabaseConfig config(String url) {
        return new DatabaseConfig(url, "", "", 4);
    }
}
