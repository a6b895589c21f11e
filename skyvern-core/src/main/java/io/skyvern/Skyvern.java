package io.skyvern;

import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.fs.FileArtifactStore;
import io.skyvern.auth.BootstrapOrganization;
import io.skyvern.auth.Organization;
import io.skyvern.auth.OrganizationService;
import io.skyvern.browser.BrowserManager;
import io.skyvern.browser.BrowserUsage;
import io.skyvern.browser.playwright.PlaywrightBrowserManager;
import io.skyvern.browsersession.BrowserSessionService;
import io.skyvern.client.LocalSkyvernClient;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.credential.CredentialService;
import io.skyvern.crypto.EncryptionKey;
import io.skyvern.crypto.SecretVault;
import io.skyvern.execution.LoginRuns;
import io.skyvern.login.LoginOptions;
import io.skyvern.login.RunSecretsFactory;
import io.skyvern.persistence.JdbiCredentialRepository;
import io.skyvern.persistence.JdbiRunLoginRepository;
import io.skyvern.persistence.JdbiTotpCodeRepository;
import io.skyvern.totp.LlmCodeChooser;
import io.skyvern.totp.TotpCodeService;
import io.skyvern.execution.ExecutionHooks;
import io.skyvern.agent.AgentOptions;
import io.skyvern.execution.LazyAgent;
import io.skyvern.execution.LazyBrowserManager;
import io.skyvern.execution.LazyLlmClient;
import io.skyvern.execution.LazyWorkflowEngine;
import io.skyvern.execution.WorkflowRunExecutor;
import io.skyvern.execution.RunDispatcher;
import io.skyvern.execution.RunRegistry;
import io.skyvern.execution.TaskRunExecutor;
import io.skyvern.persistence.JdbiScriptRepository;
import io.skyvern.script.ScriptService;
import io.skyvern.execution.RunWebhooks;
import io.skyvern.idempotency.IdempotencyService;
import io.skyvern.netpolicy.NetworkPolicy;
import io.skyvern.persistence.JdbiIdempotencyRepository;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiArtifactMetadataRepository;
import io.skyvern.persistence.JdbiBrowserSessionRepository;
import io.skyvern.persistence.JdbiOrganizationRepository;
import io.skyvern.persistence.JdbiRunLogRepository;
import io.skyvern.persistence.JdbiRunQueue;
import io.skyvern.persistence.JdbiTaskRepositories;
import io.skyvern.persistence.JdbiWebhookDeliveryRepository;
import io.skyvern.persistence.JdbiWorkflowRepository;
import io.skyvern.persistence.JdbiWorkflowRunRepository;
import io.skyvern.queue.RunEndSignals;
import io.skyvern.queue.RunQueue;
import io.skyvern.queue.WorkerPool;
import io.skyvern.queue.WorkerPoolOptions;
import io.skyvern.task.TaskRepositories;
import io.skyvern.task.TaskService;
import io.skyvern.webhook.WebhookOptions;
import io.skyvern.webhook.WebhookSender;
import io.skyvern.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The library's entry point and composition root: {@code Skyvern.create(config)} opens the
 * database (running migrations), wires every service with plain constructors and, when
 * {@code config.workers() > 0}, starts the workers that execute tasks. The browser and the LLM
 * client are created only when the first run needs them. Close it to stop the workers (runs in
 * flight get the shutdown grace period, then go back to the queue), the browser, the webhook
 * sender and the database. Thread-safe.
 *
 * <pre>{@code
 * try (Skyvern skyvern = Skyvern.create(SkyvernConfig.defaults())) {
 *     Task task = skyvern.tasks().create(orgId, CreateTaskRequest.builder(url, goal).build());
 * }
 * }</pre>
 */
public final class Skyvern implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Skyvern.class);
    private static final long SWEEP_EVERY_SECONDS = 60;

    private final SkyvernConfig config;
    private final Clock clock;
    private final IdGenerator ids;
    private final Database database;
    private final OrganizationService organizations;
    private final TaskService tasks;
    private final WorkflowService workflows;
    private final ArtifactService artifacts;
    private final WebhookSender webhookSender;
    private final RunWebhooks runWebhooks;
    private final BrowserSessionService browserSessions;
    private final RunQueue queue;
    private final LazyBrowserManager browsers;
    private final RunRegistry registry = new RunRegistry();
    private final RunEndSignals runEnds = new RunEndSignals();
    private final WorkerPool pool;
    private final CredentialService credentials;
    private final TotpCodeService totpCodes;
    private final LoginRuns loginRuns;
    private final ScheduledExecutorService sweeper;
    private final IdempotencyService idempotency;
    private final ScriptService scripts;
    private final io.skyvern.runlist.RunListRepository runList;

    private Skyvern(SkyvernConfig config, Clock clock, IdGenerator ids) {
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.database = Database.open(config.database());
        try {
            this.organizations = new OrganizationService(new JdbiOrganizationRepository(database), config, clock, ids);
            this.idempotency = new IdempotencyService(new JdbiIdempotencyRepository(database), clock);
            this.artifacts = new ArtifactService(FileArtifactStore.inDataDir(config.dataDir()),
                    new JdbiArtifactMetadataRepository(database), ids, clock);
            this.webhookSender = new WebhookSender(new JdbiWebhookDeliveryRepository(database),
                    webhookOptions(config), ids, clock);
            TaskRepositories taskRepos = JdbiTaskRepositories.create(database);
            this.runWebhooks = new RunWebhooks(webhookSender, taskRepos.tasks());
            this.browserSessions = new BrowserSessionService(new JdbiBrowserSessionRepository(database),
                    config.dataDir(), clock, ids);
            this.queue = new JdbiRunQueue(database, clock);
            this.browsers = new LazyBrowserManager(() -> new PlaywrightBrowserManager(config.browser(), lanes(config),
                    NetworkPolicy.allowingPrivateNetwork(config.runs().allowPrivateNetwork())),
                    () -> browserConfigured(config));
            ExecutionHooks hooks = new ExecutionHooks(browserSessions, registry, this::nudge, runWebhooks);
            this.tasks = new TaskService(taskRepos, organizations, config, clock, ids, hooks);
            LazyLlmClient llm = new LazyLlmClient(config.llm());
            JdbiCredentialRepository credentialRepo = new JdbiCredentialRepository(database);
            SecretVault vault = new SecretVault(EncryptionKey.of(config.logins().encryptionKey(), config.dataDir()),
                    credentialRepo, clock);
            vault.verify();
            AtomicReference<LoginRuns> logins = new AtomicReference<>();
            this.credentials = new CredentialService(credentialRepo, vault, clock, ids,
                    (org, id) -> logins.get().credentialDeleted(org, id));
            this.totpCodes = new TotpCodeService(new JdbiTotpCodeRepository(database), vault, clock, ids,
                    Optional.of(new LlmCodeChooser(llm)));
            RunSecretsFactory runSecrets = new RunSecretsFactory(credentials, totpCodes,
                    org -> organizations.get(org).webhookSigningKey(), new LoginOptions(config.logins().totpWait(),
                    config.logins().totpPollInterval(), NetworkPolicy.allowingPrivateNetwork(config.runs().allowPrivateNetwork())),
                    clock);
            this.loginRuns = new LoginRuns(new JdbiRunLoginRepository(database), credentials, runSecrets,
                    taskRepos.tasks(), runWebhooks::finished, clock);
            logins.set(loginRuns);
            hooks.useLogins(loginRuns);
            this.scripts = new ScriptService(new JdbiScriptRepository(database), ids, clock);
            hooks.useScripts(scripts, config.runs().defaultRunMode());
            this.runList = new io.skyvern.persistence.JdbiRunListRepository(database);
            this.workflows = new WorkflowService(new JdbiWorkflowRepository(database),
                    new JdbiWorkflowRunRepository(database), organizations, clock, ids, hooks);
            TaskRunExecutor taskRuns = new TaskRunExecutor(taskRepos, artifacts, browsers,
                    new LazyAgent(llm, clock, AgentOptions.of(config.llm())), browserSessions, registry, runWebhooks, config,
                    ids, clock, loginRuns, scripts);
            WorkflowRunExecutor workflowRuns = new WorkflowRunExecutor(new JdbiWorkflowRepository(database),
                    new JdbiWorkflowRunRepository(database), new LazyWorkflowEngine(registry.tracking(browsers), llm, clock,
                    AgentOptions.of(config.llm()), config.runs().allowPrivateNetwork(), loginRuns.blockLogins(),
                    new io.skyvern.execution.WorkflowBlockScripts(scripts, config.runs().defaultRunMode())), artifacts,
                    new JdbiRunLogRepository(database), runWebhooks, registry, browserSessions, config.taskTimeout(),
                    config.dataDir().resolve("downloads"), clock, ids);
            this.pool = new WorkerPool(queue, runEnds.around(new RunDispatcher(taskRuns, workflowRuns)),
                    WorkerPoolOptions.from(config), clock);
            this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "skyvern-browser-session-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_EVERY_SECONDS, SWEEP_EVERY_SECONDS, TimeUnit.SECONDS);
            pool.start();
        } catch (RuntimeException e) {
            // Nothing else owns the pool yet: release it rather than leak it.
            database.close();
            throw e;
        }
    }

    public static Skyvern create(SkyvernConfig config) {
        Clock clock = Clock.systemUTC();
        return create(config, clock, new TimeOrderedIdGenerator(clock));
    }

    /** For tests and embedders that control time and identifiers. */
    public static Skyvern create(SkyvernConfig config, Clock clock, IdGenerator ids) {
        return new Skyvern(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(ids, "ids"));
    }

    private static WebhookOptions webhookOptions(SkyvernConfig config) {
        WebhookOptions d = WebhookOptions.DEFAULTS;
        return new WebhookOptions(d.maxAttempts(), d.baseBackoff(), d.timeout(), config.runs().allowPrivateNetwork());
    }

    /** One browser process per lane; a few lanes spread many concurrent runs. */
    private static int lanes(SkyvernConfig config) {
        return Math.max(1, Math.min(config.workers(), 4));
    }

    private static boolean browserConfigured(SkyvernConfig config) {
        String exe = config.browser().executable();
        return !config.browser().cdpUrl().isBlank() || exe.isBlank() || Files.isExecutable(Path.of(exe));
    }

    private void nudge() {
        // Called from TaskService.create, which exists only once the pool does.
        WorkerPool p = pool;
        if (p != null) {
            p.nudge();
        }
    }

    private void sweep() {
        try {
            browserSessions.sweepExpired();
        } catch (RuntimeException e) {
            LOG.warn("Browser session sweep failed", e);
        }
    }

    public SkyvernConfig config() {
        return config;
    }

    public OrganizationService organizations() {
        return organizations;
    }

    /** Idempotency-Key handling of creates (the server's POST /tasks, /workflows and runs). */
    public IdempotencyService idempotency() {
        return idempotency;
    }

    /** Replay scripts recorded from completed runs (list, show, delete). */
    public ScriptService scripts() {
        return scripts;
    }

    /** Live views (screencasts) of the runs executing on this node. */
    public io.skyvern.liveview.LiveViewService liveView() {
        return new io.skyvern.liveview.LiveViewService(tasks, workflows, registry);
    }

    public TaskService tasks() {
        return tasks;
    }

    public WorkflowService workflows() {
        return workflows;
    }

    /** The credential store (secrets encrypted at rest; metadata only leaves it, except to runs). */
    public CredentialService credentials() {
        return credentials;
    }

    /** One-time codes pushed to the API for a totp_identifier. */
    public TotpCodeService totpCodes() {
        return totpCodes;
    }

    /** Login settings of tasks (credential_id, totp_identifier, totp_verification_url). */
    public LoginRuns logins() {
        return loginRuns;
    }

    public ArtifactService artifacts() {
        return artifacts;
    }

    public BrowserSessionService browserSessions() {
        return browserSessions;
    }

    /** Sends task webhooks; {@code retry} re-sends one (POST /tasks/{id}/retry_webhook). */
    public RunWebhooks runWebhooks() {
        return runWebhooks;
    }

    /**
     * A {@link io.skyvern.client.SkyvernClient} acting as this organisation, in-process. The organisation must exist
     * (ORGANIZATION_NOT_FOUND otherwise), so that a typo fails here rather than at first use.
     */
    public LocalSkyvernClient client(String organizationId) {
        organizations.get(organizationId);
        return new LocalSkyvernClient(organizationId, organizations, tasks, workflows, artifacts, browserSessions,
                runEnds, credentials, totpCodes, scripts, runList);
    }

    /**
     * The data dir's bootstrap organisation; on first use it is created with an API key written to
     * {@code <data-dir>/credentials} (owner-only; {@code SKYVERN_API_KEY} is not consulted here), exactly
     * as the server and the CLI do, so that a server or CLI started later on this data dir uses that key.
     */
    public Organization bootstrapOrganization() {
        return BootstrapOrganization.ensure(organizations, config.dataDir(), Optional.empty()).organization();
    }

    /** True when the database answers. */
    public boolean databaseHealthy() {
        return database.ping();
    }

    /** Whether a browser can be provided; never launches one. */
    public boolean browserHealthy() {
        return browsers.isHealthy();
    }

    /** Whether this node started a browser already (it does so on its first run). */
    public boolean browserLaunched() {
        return browsers.launched();
    }

    /** Browser sessions and contexts this node holds open now; {@link BrowserUsage#NONE} before its first run. */
    public BrowserUsage browserUsage() {
        return browsers.usage();
    }

    /** Runs (tasks and workflow runs) waiting for a worker, on every node. */
    public long queueDepth() {
        return queue.depth();
    }

    /** Runs of both kinds by wire status. */
    public Map<String, Long> runCountsByStatus() {
        return queue.countsByStatus();
    }

    /** When a run queued now will likely start (now, when one of this node's workers is free). */
    public java.time.Instant estimatedStartTime() {
        return io.skyvern.queue.StartEstimate.of(clock.instant(), queue.depth(), config.workers(), pool.inFlightCount());
    }

    /** Runs this node executes now. */
    public int runsInFlight() {
        return pool.inFlightCount();
    }

    /**
     * Stops this node's workers from claiming new runs; runs in flight go on. The first step of a
     * graceful stop, for callers that have more to drain before {@link #shutdown} (a server's HTTP
     * requests). Idempotent.
     */
    public void stopClaiming() {
        pool.stopClaiming();
    }

    /** {@link #shutdown} with the configured grace period ({@code SKYVERN_SHUTDOWN_GRACE_SECONDS}). */
    @Override
    public void close() {
        shutdown(config.runs().shutdownGrace());
    }

    /**
     * Stops claiming, gives the runs in flight up to {@code grace} to finish, hands the others back
     * to the queue (queued, no lease: the next node claims them at once), then closes the browser,
     * the webhook sender and the database.
     */
    public void shutdown(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        try {
            pool.shutdown(grace);
        } catch (RuntimeException e) {
            LOG.warn("Worker pool shutdown failed", e);
        }
        sweeper.shutdownNow();
        browsers.close();
        webhookSender.close();
        database.close();
    }
}
