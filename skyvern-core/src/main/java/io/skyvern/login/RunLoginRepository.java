package io.skyvern.login;

import io.skyvern.task.LoginSettings;

import java.time.Instant;
import java.util.List;

/** The login settings of runs (tasks), stored beside them. Thread-safe. */
public interface RunLoginRepository {
    void save(String runId, String organizationId, LoginSettings login, Instant now);

    /** The run's settings; {@link LoginSettings#NONE} when it has none. */
    LoginSettings find(String runId);

    /** Ids of the organisation's queued tasks that name the credential. */
    List<String> queuedTasksUsing(String organizationId, String credentialId);
}
