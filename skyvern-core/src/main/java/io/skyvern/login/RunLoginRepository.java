package io.skyvern.login;

import io.skyvern.task.LoginSettings;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The login settings of runs (tasks and workflow runs, keyed by their id), stored beside them. Thread-safe. */
public interface RunLoginRepository {
    void save(String runId, String organizationId, LoginSettings login, Instant now);

    /** Removes the run's settings (a run refused after they were stored). */
    void delete(String runId);

    /** The run's settings; {@link LoginSettings#NONE} when it has none. */
    LoginSettings find(String runId);

    /** The settings of those of these runs of the organisation that have some. */
    Map<String, LoginSettings> findAll(String organizationId, Collection<String> runIds);

    /** Ids of the organisation's queued tasks that name the credential. */
    List<String> queuedTasksUsing(String organizationId, String credentialId);
}
