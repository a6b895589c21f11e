package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.skyvern.common.Json;
import io.skyvern.runlog.RunLog;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.FixtureSite;
import io.skyvern.testing.RecordedRequest;
import io.skyvern.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static io.skyvern.execution.ExecutionTestBed.extracted;
import static io.skyvern.execution.ExecutionTestBed.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Secrets of the user data stay out of prompts, artifacts and logs; webhooks arrive signed. */
class TaskRunSecretsAndWebhooksIT {

    @Test
    void a_secret_of_the_payload_never_reaches_the_model_the_artifacts_or_the_logs() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.scriptLogin();

            // The login page itself prints the password: redaction must catch it in the element tree too.
            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/login"), "Log in")
                    .dataExtractionGoal("The account number").navigationPayload(ExecutionTestBed.loginPayload()).build());

            assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            assertThat(bed.site.lastSubmission("/login").orElseThrow().fields())
                    .containsEntry("password", FixtureSite.PASSWORD);
            List<RecordedRequest> requests = bed.llm.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests).allSatisfy(r -> assertThat(r.rawBody()).doesNotContain(FixtureSite.PASSWORD));
            assertThat(requests.get(0).promptText()).contains("{{secret:login.password}}");
            assertThat(bed.artifactTexts()).isNotEmpty()
                    .allSatisfy(text -> assertThat(text).doesNotContain(FixtureSite.PASSWORD));
            assertThat(bed.skyvern.tasks().logs(bed.org, task.taskId())).extracting(RunLog::message)
                    .allSatisfy(m -> assertThat(m).doesNotContain(FixtureSite.PASSWORD));
        }
    }

    @Test
    void the_webhook_is_signed_and_retried_after_a_500() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            try (ex) {
                bodies.add(ex.getRequestBody().readAllBytes());
                signatures.add(ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER));
                ex.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 200, -1);
            }
        });
        receiver.start();
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(actions(act("complete")));
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Finish")
                    .webhookCallbackUrl(hook).build());

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (calls.get() < 2 && System.nanoTime() < deadline) {
                ExecutionTestBed.sleep(50);
            }
            assertThat(calls.get()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                assertThat(WebhookSignature.verify(bodies.get(i), signatures.get(i), bed.signingKey)).isTrue();
            }
            JsonNode body = Json.mapper().readTree(bodies.get(1));
            assertThat(body.path("task_id").asText()).isEqualTo(task.taskId());
            assertThat(body.path("status").asText()).isEqualTo("completed");
            assertThat(body.has("extracted_information")).isTrue();
            assertThat(WebhookSignature.verify(bodies.get(1), signatures.get(1), "another-key")).isFalse();

            // Re-sent on request, with the same signed shape.
            assertThat(bed.skyvern.runWebhooks().retry(bed.org, task.taskId()).succeeded()).isTrue();
            assertThat(calls.get()).isEqualTo(3);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void cookies_of_a_browser_session_survive_between_two_tasks() throws Exception {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            String session = bed.loggedInBrowserSession();

            bed.llm.reply(actions(act("complete")));
            bed.llm.respond(r -> extracted(Map.of("account_number", r.find("(ACC-\\d+)").orElse("none"))));
            Task second = bed.run(CreateTaskRequest.builder(bed.site.url("/account"), "Read the account page")
                    .dataExtractionGoal("The account number").browserSessionId(session).build());

            assertThat(second.status()).as(String.valueOf(second.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            assertThat(second.extractedInformation().path("account_number").asText())
                    .isEqualTo(FixtureSite.accountNumber(FixtureSite.USER));
            assertThat(bed.skyvern.browserSessions().get(bed.org, session).currentRunId()).isNull();

            // A fresh context does not see the cookie.
            bed.llm.reply(actions(act("complete")));
            bed.llm.respond(r -> extracted(Map.of("logged_in", !r.promptText().contains("Please log in first"))));
            Task fresh = bed.run(CreateTaskRequest.builder(bed.site.url("/account"), "Read the account page")
                    .dataExtractionGoal("Whether the user is logged in").build());
            assertThat(fresh.extractedInformation().path("logged_in").asBoolean()).isFalse();
        }
    }
}
