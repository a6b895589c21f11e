package io.skyvern.persistence;

import io.skyvern.config.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 file settings Database adds to a URL: crash-safe commits unless the URL chose otherwise. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void an_h2_file_database_writes_each_commit_before_it_returns() {
        assertThat(writeDelay("jdbc:h2:file:" + dir.resolve("db"))).containsOnly("0");
    }

    @Test
    void a_write_delay_in_the_url_is_kept() {
        assertThat(writeDelay("jdbc:h2:file:" + dir.resolve("db") + ";write_delay=250")).containsOnly("250");
    }

    /** H2 lists the setting twice in INFORMATION_SCHEMA.SETTINGS; both rows carry the value. */
    private static List<String> writeDelay(String url) {
        try (Database db = Database.open(new DatabaseConfig(url, "", "", 2))) {
            return db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                    .mapTo(String.class).list());
        }
    }
}
