package io.skyvern.examples;

import io.skyvern.client.RemoteSkyvernClient;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.server.ServerConfig;
import io.skyvern.task.Task;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.TestDatabases;
import io.skyvern.workflow.SavedWorkflow;
import io.skyvern.workflow.WorkflowDocuments;
import io.skyvern.workflow.WorkflowQuery;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke tests of the examples against a real server on a free port and a fresh database. No agent
 * runs here (no workers): the tasks are created and listed, and stay queued.
 */
class ExamplesIT {

    @org.junit.jupiter.api.io.TempDir
    static Path tempRoot;

    private static SkyvernConfig freshConfig() throws Exception {
        Path dataDir = Files.createTempDirectory(tempRoot, "skyvern-examples");
        return SkyvernConfig.load(Map.of(ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.WORKERS, "0"))
                .withDatabase(TestDatabases.fresh());
    }

    @Test
    void embedded_server_serves_the_api_and_writes_the_bootstrap_credentials() throws Exception {
        SkyvernConfig config = freshConfig();
        try (EmbeddedServerExample.Running running = EmbeddedServerExample.start(config,
                ServerConfig.defaults().withPort(0))) {
            Path credentials = running.server().credentialsFile().orElseThrow();
            String key = Files.readAllLines(credentials).stream().filter(l -> l.startsWith("api_key="))
                    .findFirst().orElseThrow().substring("api_key=".length());
            SkyvernClient client = RemoteSkyvernClient.connect(running.url(), key);
            assertThat(client.me().bootstrap()).isTrue();
        }
    }

    @Test
    void remote_client_example_creates_a_task_that_is_listed() throws Exception {
        String key = "sk_example_" + UUID.randomUUID().toString().replace("-", "");
        try (EmbeddedServerExample.Running running = EmbeddedServerExample.start(freshConfig(),
                ServerConfig.defaults().withPort(0).withBootstrapApiKey(key))) {
            SkyvernClient client = RemoteSkyvernClient.connect(running.url(), key);
            Page<Task> tasks = RemoteClientExample.createAndList(client, "https://example.test", "Read the title");
            assertThat(tasks.items()).extracting(Task::navigationGoal).contains("Read the title");
            assertThat(tasks.items()).extracting(Task::status).containsOnly(TaskStatus.QUEUED);

            for (String name : new String[]{"login-then-extract.yaml", "paginate-and-collect.yaml"}) {
                SavedWorkflow saved = client.createWorkflow(WorkflowDocuments.parse(ExampleWorkflowsTest.document(name),
                        WorkflowDocuments.Format.YAML));
                assertThat(saved.validation().isValid()).isTrue();
            }
            assertThat(client.listWorkflows(WorkflowQuery.defaults()).totalCount()).isEqualTo(2);
        }
    }

    @Test
    void embedded_task_example_waits_and_the_task_is_stored_under_the_bootstrap_organisation() throws Exception {
        SkyvernConfig config = freshConfig();
        Task task = EmbeddedTaskExample.run(config, "https://example.test", "Find the contact page",
                Duration.ofMillis(600));
        // nobody executes it in this test: it is still queued when the example stops waiting
        assertThat(task.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(config.dataDir().resolve("credentials")).exists();
        try (io.skyvern.Skyvern skyvern = io.skyvern.Skyvern.create(config)) {
            String org = skyvern.organizations().findBootstrap().orElseThrow().organizationId();
            assertThat(skyvern.client(org).listTasks(TaskQuery.defaults()).items()).extracting(Task::taskId)
                    .containsExactly(task.taskId());
        }
    }
}
