package io.skyvern.persistence;

import io.skyvern.testing.TestDatabases;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A failed statement's exception (which ends up in logs) does not carry the values bound to it. */
class StatementErrorSecrecyIT {
    private static final String SECRET = "hunter2-correct-horse-battery";

    @Test
    void bound_arguments_are_not_in_the_exception_message() {
        try (Database database = Database.open(TestDatabases.fresh())) {
            JdbiException e = catchThrowableOfType(JdbiException.class, () -> database.jdbi().useHandle(h ->
                    h.createUpdate("INSERT INTO no_such_table (secret) VALUES (:secret)").bind("secret", SECRET)
                            .execute()));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain(SECRET);
            assertThat(e.toString()).doesNotContain(SECRET);
        }
    }
}
