package io.skyvern.execution;

import io.skyvern.agent.PayloadSecrets;
import io.skyvern.credential.CredentialService;
import io.skyvern.login.RunLogin;
import io.skyvern.login.RunLoginRepository;
import io.skyvern.login.RunSecretsFactory;
import io.skyvern.task.LoginSettings;
import io.skyvern.task.Task;
import io.skyvern.task.TaskRepository;
import io.skyvern.task.TaskStatus;
import io.skyvern.workflow.engine.BlockLogins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Login settings across a run's life: the credential must exist when the task is created, the
 * settings are stored before a worker can see the task or workflow run (whose blocks inherit its
 * one-time code source), the run gets its secrets from them, and a
 * deleted credential fails the queued tasks that name it (with a reason that says so). Thread-safe.
 */
public final class LoginRuns {
    private static final Logger LOG = LoggerFactory.getLogger(LoginRuns.class);

    private final RunLoginRepository logins;
    private final CredentialService credentials;
    private final RunSecretsFactory secrets;
    private final TaskRepository tasks;
    private final Consumer<Task> finishedWithoutRun;
    private final Clock clock;

    public LoginRuns(RunLoginRepository logins, CredentialService credentials, RunSecretsFactory secrets,
                     TaskRepository tasks, Consumer<Task> finishedWithoutRun, Clock clock) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.finishedWithoutRun = Objects.requireNonNull(finishedWithoutRun, "finishedWithoutRun");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** CREDENTIAL_NOT_FOUND when the settings name a credential the organisation does not have. */
    public void checkCreate(String organizationId, LoginSettings login) {
        login.credentialId().ifPresent(id -> credentials.get(organizationId, id));
    }

    public void save(String runId, String organizationId, LoginSettings login) {
        if (!login.isEmpty()) {
            logins.save(runId, organizationId, login, clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
    }

    /** Drops the settings of a run that was not stored after all (refused by a limit). */
    public void forget(String runId) {
        logins.delete(runId);
    }

    public LoginSettings settingsOf(String runId) {
        return logins.find(runId);
    }

    /** The settings of those of these runs (tasks or workflow runs) of the organisation that have some. */
    public Map<String, LoginSettings> settingsOf(String organizationId, Collection<String> runIds) {
        return logins.findAll(organizationId, runIds);
    }

    /** The task's secrets; CREDENTIAL_NOT_FOUND (a reason for failure_reason) when its credential is gone. */
    public PayloadSecrets secretsFor(Task task, BooleanSupplier stop) {
        LoginSettings login = logins.find(task.taskId());
        Instant started = task.startedAt() == null ? task.createdAt() : task.startedAt();
        return secrets.secretsFor(new RunLogin(task.organizationId(), task.taskId(), false, task.navigationPayload(),
                login, started, stop));
    }

    /**
     * For workflow blocks: secrets of a block of run {@code workflowRunId}; codes must be newer than
     * the block. A block that names no one-time code source uses its run's.
     */
    public BlockLogins blockLogins() {
        return (org, runId, payload, blockLogin, stop) -> {
            LoginSettings login = withRunCodes(blockLogin, runId);
            return login.isEmpty() ? PayloadSecrets.of(payload)
                    : secrets.secretsFor(new RunLogin(org, runId, true, payload, login, clock.instant(), stop));
        };
    }

    /** The block's settings, with the run's totp_identifier / totp_verification_url when the block has neither. */
    private LoginSettings withRunCodes(LoginSettings block, String workflowRunId) {
        if (workflowRunId == null || block.totpIdentifier().isPresent() || block.totpVerificationUrl().isPresent()) {
            return block;
        }
        LoginSettings run = logins.find(workflowRunId);
        return new LoginSettings(block.credentialId(), run.totpIdentifier(), run.totpVerificationUrl());
    }

    /** Fails the queued tasks that name the deleted credential. */
    public void credentialDeleted(String organizationId, String credentialId) {
        String reason = "The credential " + credentialId + " this task signs in with was deleted";
        for (String taskId : logins.queuedTasksUsing(organizationId, credentialId)) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            boolean failed = tasks.transition(organizationId, taskId, TaskStatus.QUEUED, TaskStatus.FAILED, reason,
                    false, now, now)
                    || tasks.transition(organizationId, taskId, TaskStatus.CREATED, TaskStatus.FAILED, reason, false,
                    now, now);
            if (failed) {
                LOG.info("Task {} failed: its credential {} was deleted", taskId, credentialId);
                tasks.find(organizationId, taskId).ifPresent(finishedWithoutRun);
            }
        }
    }
}
