package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.common.Json;
import io.skyvern.config.ConfigKey;
import io.skyvern.credential.Credential;
import io.skyvern.credential.NewCredential;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.LoginSettings;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.testing.TotpLoginSite;
import io.skyvern.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.skyvern.execution.LoginTestSupport.PASSWORD;
import static io.skyvern.execution.LoginTestSupport.SECRET;
import static io.skyvern.execution.LoginTestSupport.SECRET_BASE32;
import static io.skyvern.execution.LoginTestSupport.USER;
import static io.skyvern.execution.LoginTestSupport.scriptTwoFactor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-ins with a second factor against a site that checks a real TOTP code: the code comes from
 * a payload secret, from codes pushed to the service, or from a URL the run polls.
 */
class TwoFactorLoginIT {

    @Test
    void a_payload_totp_secret_types_the_current_code_and_never_leaves_the_process() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            scriptTwoFactor(bed.llm, USER, "{{secret:login.password}}", "{{totp:mfa}}");
            JsonNode payload = Json.mapper().readTree("{\"login\":{\"username\":\"alice\",\"password\":\"" + PASSWORD
                    + "\"},\"mfa\":{\"totp_secret\":\"" + SECRET_BASE32 + "\"}}");

            Task task = bed.run(CreateTaskRequest.builder(site.url("/login"), "Sign in").navigationPayload(payload).build());

            assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            assertThat(site.signIns()).isEqualTo(1);
            assertThat(bed.llm.requests().get(0).promptText()).contains("{{totp:mfa}}");
            assertThat(bed.llm.requests()).allSatisfy(r -> assertThat(r.rawBody()).doesNotContain(SECRET_BASE32)
                    .doesNotContain(PASSWORD));
            assertThat(bed.artifactTexts()).allSatisfy(t -> assertThat(t).doesNotContain(SECRET_BASE32)
                    .doesNotContain(PASSWORD));
        }
    }

    @Test
    void a_pushed_code_is_awaited_then_used_once() throws Exception {
        Map<ConfigKey, String> settings = Map.of(ConfigKey.TOTP_WAIT_SECONDS, "6", ConfigKey.WORKERS, "1");
        try (ExecutionTestBed bed = ExecutionTestBed.start(settings);
             TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            scriptTwoFactor(bed.llm, USER, PASSWORD, "{{totp}}");
            LoginSettings login = LoginSettings.of(null, "Alice@Example.com", null);
            String taskId = bed.skyvern.tasks().create(bed.org, CreateTaskRequest.builder(site.url("/login"), "Sign in")
                    .login(login).build()).taskId();

            // The run reaches the code page and asks the model; only then does the code arrive.
            awaitTrue(() -> bed.llm.requests().size() >= 2, Duration.ofSeconds(30));
            ExecutionTestBed.sleep(1500);
            assertThat(site.attempts()).isEmpty();
            bed.skyvern.totpCodes().push(bed.org, "alice@example.com", null,
                    "Your verification code is " + site.currentCode() + ". It expires in 10 minutes.");
            Task task = bed.await(taskId, Duration.ofSeconds(60));

            assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            assertThat(site.signIns()).isEqualTo(1);

            // A second task with the same identifier does not get the used code: it waits, then fails the action.
            LoginTestSupport.scriptPasswordPage(bed.llm, USER, PASSWORD);
            LoginTestSupport.scriptCodePage(bed.llm, "{{totp}}");
            bed.llm.reply(ExecutionTestBed.actions(ExecutionTestBed.act("terminate", "reason", "no code")));
            Task second = bed.run(CreateTaskRequest.builder(site.url("/login"), "Sign in").login(login).build());

            assertThat(second.status()).isEqualTo(TaskStatus.TERMINATED);
            assertThat(site.attempts()).hasSize(1);
            assertThat(bed.llm.requests().get(bed.llm.requests().size() - 1).promptText())
                    .contains("No one-time code was pushed for Alice@Example.com");
        }
    }

    @Test
    void a_totp_verification_url_is_polled_signed_until_it_gives_a_code() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TOTP_POLL_SECONDS, "1"));
             TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            endpoint.createContext("/otp", ex -> {
                try (ex) {
                    bodies.add(ex.getRequestBody().readAllBytes());
                    signatures.add(ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
                    byte[] answer = (polls.incrementAndGet() < 3 ? "{}" : "{\"totp\":\"" + site.currentCode() + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, answer.length);
                    ex.getResponseBody().write(answer);
                }
            });
            endpoint.start();
            try {
                scriptTwoFactor(bed.llm, USER, PASSWORD, "{{totp}}");
                String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/otp";

                Task task = bed.run(CreateTaskRequest.builder(site.url("/login"), "Sign in")
                        .login(LoginSettings.of(null, null, url)).build());

                assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
                assertThat(site.signIns()).isEqualTo(1);
                assertThat(polls.get()).isEqualTo(3);
                assertThat(Json.mapper().readTree(bodies.get(0)).path("task_id").asText()).isEqualTo(task.taskId());
                for (int i = 0; i < bodies.size(); i++) {
                    assertThat(WebhookSignature.verify(bodies.get(i), signatures.get(i), bed.signingKey)).isTrue();
                }
            } finally {
                endpoint.stop(0);
            }
        }
    }

    @Test
    void a_credential_signs_in_and_its_secrets_appear_nowhere_in_clear_text() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            Credential credential = bed.skyvern.credentials().create(bed.org, new NewCredential("Fixture site", USER,
                    PASSWORD, Optional.of(SECRET_BASE32), List.of("127.0.0.1")));
            scriptTwoFactor(bed.llm, "{{secret:credential.username}}", "{{secret:credential.password}}",
                    "{{totp:credential}}");

            Task task = bed.run(CreateTaskRequest.builder(site.url("/login"), "Sign in")
                    .login(LoginSettings.of(credential.credentialId(), null, null)).build());

            assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            assertThat(site.signIns()).isEqualTo(1);
            assertThat(bed.llm.requests().get(0).promptText()).contains("{{secret:credential.password}}")
                    .contains("{{totp:credential}}");
            for (String secret : List.of(PASSWORD, SECRET_BASE32)) {
                assertThat(bed.llm.requests()).extracting(RecordedRequest::rawBody)
                        .allSatisfy(b -> assertThat(b).doesNotContain(secret));
                assertThat(bed.artifactTexts()).allSatisfy(t -> assertThat(t).doesNotContain(secret));
                assertThat(bed.skyvern.tasks().logs(bed.org, task.taskId())).extracting(RunLog::message)
                        .allSatisfy(m -> assertThat(m).doesNotContain(secret));
                assertThat(LoginTestSupport.cellsContaining(bed.config.database().url(), secret)).isEmpty();
                assertThat(String.valueOf(bed.skyvern.credentials().get(bed.org, credential.credentialId())))
                        .doesNotContain(secret);
            }
            // The scan does find what is there: the credential's name is stored in clear.
            assertThat(LoginTestSupport.cellsContaining(bed.config.database().url(), "Fixture site")).isNotEmpty();
        }
    }

    @Test
    void a_secret_limited_to_other_domains_is_refused_on_this_host() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            Credential credential = bed.skyvern.credentials().create(bed.org, new NewCredential("Elsewhere", USER,
                    PASSWORD, Optional.empty(), List.of("example.com")));
            LoginTestSupport.scriptPasswordPage(bed.llm, "{{secret:credential.username}}",
                    "{{secret:credential.password}}");
            bed.llm.reply(ExecutionTestBed.actions(ExecutionTestBed.act("terminate", "reason", "refused")));

            Task task = bed.run(CreateTaskRequest.builder(site.url("/login"), "Sign in")
                    .login(LoginSettings.of(credential.credentialId(), null, null)).build());

            assertThat(task.status()).isEqualTo(TaskStatus.TERMINATED);
            assertThat(site.passwordLogins()).isZero();
            assertThat(bed.llm.requests().get(1).promptText()).contains("phishing guard").contains("example.com")
                    .contains("127.0.0.1").doesNotContain(PASSWORD);
        }
    }

    @Test
    void a_login_block_signs_in_with_a_credential_and_its_totp_secret() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start(); TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            Credential credential = bed.skyvern.credentials().create(bed.org, new NewCredential("Fixture site", USER,
                    PASSWORD, Optional.of(SECRET_BASE32), List.of("127.0.0.1")));
            scriptTwoFactor(bed.llm, "{{secret:credential.username}}", "{{secret:credential.password}}",
                    "{{totp:credential}}");
            JsonNode definition = Json.mapper().readTree("{\"blocks\":[{\"id\":\"sign_in\",\"type\":\"login\","
                    + "\"parameters\":{\"url\":\"" + site.url("/login") + "\",\"credential_id\":\"{{ params.cred }}\"}}]}");
            String workflowId = bed.skyvern.workflows().create(bed.org, new io.skyvern.workflow.WorkflowRequest(
                    "Login", null, definition, null, null)).workflow().workflowId();

            String runId = bed.skyvern.workflows().startRun(bed.org, workflowId, new io.skyvern.workflow.StartRunRequest(
                    Json.mapper().valueToTree(Map.of("cred", credential.credentialId())), null, null, null, null))
                    .workflowRunId();
            awaitTrue(() -> bed.skyvern.workflows().getRun(bed.org, workflowId, runId, false, false).run().status()
                    .isFinal(), Duration.ofSeconds(60));

            var run = bed.skyvern.workflows().getRun(bed.org, workflowId, runId, true, true).run();
            assertThat(run.status().name()).as(String.valueOf(run.failureReason())).isEqualTo("COMPLETED");
            assertThat(site.signIns()).isEqualTo(1);
            assertThat(bed.llm.requests().get(0).promptText()).contains("Sign in and reach the signed-in page");
            assertThat(bed.llm.requests()).allSatisfy(r -> assertThat(r.rawBody()).doesNotContain(PASSWORD)
                    .doesNotContain(SECRET_BASE32));
            assertThat(bed.artifactTexts()).allSatisfy(t -> assertThat(t).doesNotContain(PASSWORD)
                    .doesNotContain(SECRET_BASE32));
        }
    }

    @Test
    void a_workflow_runs_totp_verification_url_serves_its_login_block_and_is_kept_with_the_run() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.TOTP_POLL_SECONDS, "1"));
             TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            endpoint.createContext("/otp", ex -> {
                try (ex) {
                    bodies.add(ex.getRequestBody().readAllBytes());
                    byte[] answer = ("{\"totp\":\"" + site.currentCode() + "\"}").getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, answer.length);
                    ex.getResponseBody().write(answer);
                }
            });
            endpoint.start();
            try {
                Credential credential = bed.skyvern.credentials().create(bed.org, new NewCredential("No TOTP", USER,
                        PASSWORD, Optional.empty(), List.of()));
                scriptTwoFactor(bed.llm, "{{secret:credential.username}}", "{{secret:credential.password}}", "{{totp}}");
                JsonNode definition = Json.mapper().readTree("{\"blocks\":[{\"id\":\"sign_in\",\"type\":\"login\","
                        + "\"parameters\":{\"url\":\"" + site.url("/login") + "\",\"credential_id\":\""
                        + credential.credentialId() + "\"}}]}");
                var workflows = bed.skyvern.workflows();
                String workflowId = workflows.create(bed.org, new io.skyvern.workflow.WorkflowRequest("Login", null,
                        definition, null, null)).workflow().workflowId();
                String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/otp";

                var started = workflows.startRun(bed.org, workflowId, new io.skyvern.workflow.StartRunRequest(
                        Json.mapper().createObjectNode(), null, null, null, null, LoginSettings.of(null, null, url)));
                awaitTrue(() -> workflows.getRun(bed.org, workflowId, started.workflowRunId(), false, false).run()
                        .status().isFinal(), Duration.ofSeconds(60));

                var run = workflows.getRun(bed.org, workflowId, started.workflowRunId(), false, false).run();
                assertThat(run.status().name()).as(String.valueOf(run.failureReason())).isEqualTo("COMPLETED");
                assertThat(site.signIns()).isEqualTo(1);
                assertThat(bodies).isNotEmpty();
                assertThat(Json.mapper().readTree(bodies.get(0)).path("workflow_run_id").asText())
                        .isEqualTo(run.workflowRunId());
                assertThat(run.login()).isEqualTo(LoginSettings.of(null, null, url));
                assertThatThrownBy(() -> workflows.getRun("o_another_org", workflowId, run.workflowRunId(), false,
                        false)).isInstanceOf(io.skyvern.common.SkyvernException.class);
            } finally {
                endpoint.stop(0);
            }
        }
    }

    @Test
    void a_block_with_its_own_totp_identifier_does_not_poll_the_runs_url() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        Map<ConfigKey, String> settings = Map.of(ConfigKey.TOTP_WAIT_SECONDS, "30", ConfigKey.TOTP_POLL_SECONDS, "1");
        try (ExecutionTestBed bed = ExecutionTestBed.start(settings);
             TotpLoginSite site = TotpLoginSite.start(USER, PASSWORD, SECRET)) {
            HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            endpoint.createContext("/otp", ex -> {
                try (ex) {
                    polls.incrementAndGet();
                    ex.sendResponseHeaders(500, -1);
                }
            });
            endpoint.start();
            try {
                scriptTwoFactor(bed.llm, USER, PASSWORD, "{{totp}}");
                JsonNode definition = Json.mapper().readTree("{\"blocks\":[{\"id\":\"sign_in\",\"type\":\"task\","
                        + "\"parameters\":{\"url\":\"" + site.url("/login") + "\",\"navigation_goal\":\"Sign in\","
                        + "\"totp_identifier\":\"block@example.com\"}}]}");
                var workflows = bed.skyvern.workflows();
                String workflowId = workflows.create(bed.org, new io.skyvern.workflow.WorkflowRequest("Login", null,
                        definition, null, null)).workflow().workflowId();
                String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/otp";
                String runId = workflows.startRun(bed.org, workflowId, new io.skyvern.workflow.StartRunRequest(
                        Json.mapper().createObjectNode(), null, null, null, null, LoginSettings.of(null, null, url)))
                        .workflowRunId();

                awaitTrue(() -> bed.llm.requests().size() >= 2, Duration.ofSeconds(30));
                ExecutionTestBed.sleep(1000);
                bed.skyvern.totpCodes().push(bed.org, "block@example.com", site.currentCode(), null);
                awaitTrue(() -> workflows.getRun(bed.org, workflowId, runId, false, false).run().status().isFinal(),
                        Duration.ofSeconds(60));

                var run = workflows.getRun(bed.org, workflowId, runId, false, false).run();
                assertThat(run.status().name()).as(String.valueOf(run.failureReason())).isEqualTo("COMPLETED");
                assertThat(site.signIns()).isEqualTo(1);
                assertThat(polls.get()).isZero();
            } finally {
                endpoint.stop(0);
            }
        }
    }

    @Test
    void a_run_with_both_code_sources_or_a_credential_is_refused() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            JsonNode definition = Json.mapper().createObjectNode().set("blocks", Json.mapper().valueToTree(List.of(
                    Map.of("id", "wait", "type", "wait", "parameters", Map.of("seconds", 1)))));
            var workflows = bed.skyvern.workflows();
            String workflowId = workflows.create(bed.org, new io.skyvern.workflow.WorkflowRequest("W", null,
                    definition, null, null)).workflow().workflowId();
            for (LoginSettings bad : List.of(LoginSettings.of(null, "a@example.com", "https://example.com/otp"),
                    LoginSettings.of("cred_x", null, null), LoginSettings.of(null, null, "ftp://example.com/otp"))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> workflows.startRun(bed.org, workflowId,
                        new io.skyvern.workflow.StartRunRequest(Json.mapper().createObjectNode(), null, null, null,
                                null, bad)))
                        .as(bad.toString()).isInstanceOfSatisfying(io.skyvern.common.SkyvernException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(io.skyvern.common.ErrorCode.VALIDATION_FAILED));
            }
        }
    }

    @Test
    void deleting_a_credential_fails_the_queued_task_that_names_it() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.WORKERS, "0"))) {
            Credential credential = bed.skyvern.credentials().create(bed.org, new NewCredential("Soon gone", USER,
                    PASSWORD, Optional.empty(), List.of()));
            Task queued = bed.skyvern.tasks().create(bed.org, CreateTaskRequest.builder("https://example.com/login",
                    "Sign in").login(LoginSettings.of(credential.credentialId(), null, null)).build());
            Task other = bed.skyvern.tasks().create(bed.org, CreateTaskRequest.builder("https://example.com/login",
                    "Sign in").build());

            bed.skyvern.credentials().delete(bed.org, credential.credentialId());

            Task failed = bed.skyvern.tasks().get(bed.org, queued.taskId());
            assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(failed.failureReason()).contains(credential.credentialId()).contains("was deleted");
            assertThat(bed.skyvern.tasks().get(bed.org, other.taskId()).status()).isEqualTo(TaskStatus.QUEUED);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            ExecutionTestBed.sleep(50);
        }
    }
}
