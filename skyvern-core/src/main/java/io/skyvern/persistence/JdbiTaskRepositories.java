package io.skyvern.persistence;

import io.skyvern.task.TaskRepositories;

/** Builds the Jdbi repositories the task service needs over one database. */
public final class JdbiTaskRepositories {
    private JdbiTaskRepositories() {
    }

    public static TaskRepositories create(Database database) {
        return new TaskRepositories(new JdbiTaskRepository(database), new JdbiStepRepository(database),
                new JdbiActionRepository(database), new JdbiArtifactMetadataRepository(database),
                new JdbiRunLogRepository(database));
    }
}
