package io.skyvern.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --json} prints what the REST API answers in {@code data}, in-process and against a server alike. */
class JsonOutputMatchesApiIT {
    private static CliTestServer s;
    private static String workflowId;
    private static JsonNode created;

    @BeforeAll
    static void start() throws Exception {
        s = CliTestServer.start();
        Path file = Files.createTempFile("wait", ".yaml");
        Files.writeString(file, "title: pause\nworkflow_definition:\n  blocks:\n    - id: pause\n      type: wait\n"
                + "      parameters:\n        seconds: 0.1\n");
        created = cli(false, "workflows", "create", "-f", file.toString(), "--json");
        workflowId = created.at("/workflow_id").asText();
        Files.delete(file);
        // with login settings, so that their echo is compared too
        post("/api/v1/tasks", "{\"url\":\"https://a.test\",\"navigation_goal\":\"go\","
                + "\"totp_identifier\":\"user@example.com\"}");
        post("/api/v1/workflows/" + workflowId + "/runs", "{\"parameters\":{},"
                + "\"totp_verification_url\":\"https://otp.example.com/code\"}");
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url() + path))
                .header("x-api-key", s.apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode cli(boolean remote, String... args) throws Exception {
        CliRun run = CliRun.of(remote ? s.remote(args) : s.local(args));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return Json.mapper().readTree(run.out());
    }

    private static JsonNode rest(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.url() + path))
                .header("x-api-key", s.apiKey).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body()).get("data");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void a_workflow_is_printed_as_the_api_answers_it(boolean remote) throws Exception {
        JsonNode printed = cli(remote, "workflows", "get", workflowId, "--json");
        JsonNode answered = rest("/api/v1/workflows/" + workflowId);
        assertThat(names(printed)).containsExactlyInAnyOrderElementsOf(names(answered)).contains("workflow_definition",
                "is_active");
        assertThat(printed).isEqualTo(answered);
    }

    @org.junit.jupiter.api.Test
    void a_created_workflow_is_printed_as_the_api_answers_it() throws Exception {
        assertThat(created).isEqualTo(rest("/api/v1/workflows/" + workflowId));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void lists_carry_the_same_pagination_block(boolean remote) throws Exception {
        JsonNode workflows = cli(remote, "workflows", "list", "--json");
        JsonNode answered = rest("/api/v1/workflows?page=1&page_size=20");
        assertThat(names(workflows)).containsExactlyElementsOf(names(answered));
        assertThat(workflows.get("pagination")).isEqualTo(answered.get("pagination"));
        assertThat(workflows.at("/workflows/0")).isEqualTo(answered.at("/workflows/0"));

        JsonNode tasks = cli(remote, "tasks", "list", "--json");
        JsonNode tasksAnswered = rest("/api/v1/tasks?page=1&page_size=20");
        assertThat(names(tasks)).containsExactlyElementsOf(names(tasksAnswered));
        assertThat(tasks.get("pagination")).isEqualTo(tasksAnswered.get("pagination"));
        assertThat(tasks.at("/tasks/0/totp_identifier").asText()).isEqualTo("user@example.com");
        assertThat(tasks.at("/tasks/0")).isNotEmpty().isEqualTo(tasksAnswered.at("/tasks/0"));

        JsonNode runs = cli(remote, "workflows", "runs", workflowId, "--json");
        JsonNode runsAnswered = rest("/api/v1/workflows/" + workflowId + "/runs?page=1&page_size=20");
        assertThat(names(runs)).containsExactlyElementsOf(names(runsAnswered));
        assertThat(runs.get("pagination")).isEqualTo(runsAnswered.get("pagination"));
        assertThat(runs.at("/runs/0/totp_verification_url").asText()).isEqualTo("https://otp.example.com/code");
        assertThat(runs.at("/runs/0")).isNotEmpty().isEqualTo(runsAnswered.at("/runs/0"));
    }

    @ParameterizedTest(name = "remote={0}")
    @ValueSource(booleans = {false, true})
    void api_keys_and_organisations_use_the_api_names(boolean remote) throws Exception {
        JsonNode keys = cli(remote, "keys", "list", "--json");
        JsonNode answered = rest("/api/v1/api_keys");
        assertThat(names(keys.get(0))).containsExactlyInAnyOrderElementsOf(names(answered.get(0))).contains("is_revoked");
        // last_used_at moves with every call (this test's REST call too): compare the rest
        ((com.fasterxml.jackson.databind.node.ObjectNode) keys.get(0)).remove("last_used_at");
        ((com.fasterxml.jackson.databind.node.ObjectNode) answered.get(0)).remove("last_used_at");
        assertThat(keys.get(0)).isEqualTo(answered.get(0));

        JsonNode created = cli(remote, "org", "create", "Json org " + remote, "--json");
        JsonNode me = rest("/api/v1/organizations/me");
        List<String> meNames = names(me);
        meNames.remove("webhook_signing_key");  // only /me shows it; creation does not
        assertThat(names(created.get("organization"))).containsExactlyInAnyOrderElementsOf(meNames)
                .contains("is_bootstrap", "limits");
        assertThat(created.at("/organization/is_bootstrap").asBoolean()).isFalse();
        assertThat(names(created.get("api_key"))).containsAll(names(answered.get(0))).contains("api_key");
    }
}
