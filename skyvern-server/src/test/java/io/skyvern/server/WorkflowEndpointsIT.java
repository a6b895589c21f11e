package io.skyvern.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactService;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.artifact.NewArtifact;
import io.skyvern.artifact.fs.FileArtifactStore;
import io.skyvern.common.TimeOrderedIdGenerator;
import io.skyvern.persistence.Database;
import io.skyvern.persistence.JdbiArtifactMetadataRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowEndpointsIT {
    static TestServer s;
    static final Map<String, Object> NAV = Map.of("id", "nav", "type", "navigation",
            "parameters", Map.of("url", "https://a.test", "navigation_goal", "go"));
    static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("email", Map.of("type", "string")), "required", List.of("email"));

    @BeforeAll
    static void start() {
        s = TestServer.start();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String create(String key) {
        TestServer.Response r = s.post("/api/v1/workflows", Map.of("title", "Signup", "description", "d",
                "workflow_definition", Map.of("blocks", List.of(NAV)), "parameter_schema", SCHEMA), key);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/data/workflow_id").asText();
    }

    @Test
    void create_json_returns_201_with_validation_block() {
        TestServer.Response r = s.post("/api/v1/workflows", Map.of("title", "Signup",
                "workflow_definition", Map.of("blocks", List.of(NAV)), "parameter_schema", SCHEMA));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/data/workflow_id").asText()).startsWith("wf_");
        assertThat(r.json().at("/data/is_active").asBoolean()).isTrue();
        JsonNode validation = r.json().get("validation");
        assertThat(validation.get("is_valid").asBoolean()).isTrue();
        assertThat(validation.get("block_count").asInt()).isEqualTo(1);
        assertThat(validation.get("parameter_count").asInt()).isEqualTo(1);
        assertThat(validation.get("warnings").isArray()).isTrue();
    }

    @Test
    void create_from_yaml_and_get_as_yaml() {
        String yaml = """
                title: From YAML
                description: yaml body
                workflow_definition:
                  blocks:
                    - id: nav
                      type: navigation
                      parameters:
                        url: https://a.test
                        navigation_goal: go
                """;
        TestServer.Response r = s.send("POST", "/api/v1/workflows", yaml, s.bootstrapKey,
                Map.of("Content-Type", "application/yaml"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        String id = r.json().at("/data/workflow_id").asText();
        TestServer.Response asYaml = s.send("GET", "/api/v1/workflows/" + id, null, s.bootstrapKey,
                Map.of("Accept", "application/yaml"));
        assertThat(asYaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(asYaml.text()).contains("title: From YAML").contains("navigation_goal: go");
    }

    @Test
    void invalid_definition_is_400_with_errors_and_malformed_yaml_is_422() {
        TestServer.Response r = s.post("/api/v1/workflows", Map.of("title", "Bad",
                "workflow_definition", Map.of("blocks", List.of())));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("WORKFLOW_VALIDATION_FAILED");
        assertThat(r.json().at("/error/details/errors").size()).isPositive();
        TestServer.Response yaml = s.send("POST", "/api/v1/workflows", "title: [unclosed", s.bootstrapKey,
                Map.of("Content-Type", "text/yaml"));
        assertThat(yaml.status()).isEqualTo(422);
        assertThat(yaml.errorCode()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void list_update_delete() {
        String key = s.newOrganizationKey("wf lister");
        String id = create(key);
        TestServer.Response list = s.get("/api/v1/workflows?page=1&page_size=10", key);
        assertThat(list.json().at("/data/workflows/0/workflow_id").asText()).isEqualTo(id);
        assertThat(list.json().at("/data/pagination/total_count").asLong()).isEqualTo(1);
        TestServer.Response put = s.send("PUT", "/api/v1/workflows/" + id, Map.of("title", "Signup v2",
                "workflow_definition", Map.of("blocks", List.of(NAV)), "is_active", false), key, Map.of());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().at("/data/version").asInt()).isEqualTo(2);
        assertThat(put.json().at("/data/is_active").asBoolean()).isFalse();
        TestServer.Response inactive = s.post("/api/v1/workflows/" + id + "/runs",
                Map.of("parameters", Map.of("email", "a@b.c")), key);
        assertThat(inactive.status()).isEqualTo(409);
        assertThat(inactive.errorCode()).isEqualTo("WORKFLOW_INACTIVE");
        assertThat(s.send("DELETE", "/api/v1/workflows/" + id, null, key, Map.of()).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/workflows/" + id, key).errorCode()).isEqualTo("WORKFLOW_NOT_FOUND");
    }

    @Test
    void get_with_version_returns_that_version_and_a_missing_one_is_404() {
        String key = s.newOrganizationKey("wf versions");
        String id = create(key);
        String v1Title = s.get("/api/v1/workflows/" + id, key).json().at("/data/title").asText();
        TestServer.Response put = s.send("PUT", "/api/v1/workflows/" + id, Map.of("title", "Signup v2",
                "workflow_definition", Map.of("blocks", List.of(NAV))), key, Map.of());
        assertThat(put.status()).as(put.text()).isEqualTo(200);

        TestServer.Response v1 = s.get("/api/v1/workflows/" + id + "?version=1", key);
        assertThat(v1.status()).as(v1.text()).isEqualTo(200);
        assertThat(v1.json().at("/data/version").asInt()).isEqualTo(1);
        assertThat(v1.json().at("/data/title").asText()).isEqualTo(v1Title);
        assertThat(s.get("/api/v1/workflows/" + id, key).json().at("/data/title").asText()).isEqualTo("Signup v2");
        TestServer.Response v9 = s.get("/api/v1/workflows/" + id + "?version=9", key);
        assertThat(v9.status()).isEqualTo(404);
        assertThat(v9.json().at("/error/message").asText()).contains("has no version 9");
        assertThat(s.get("/api/v1/workflows/" + id + "?version=0", key).status()).isEqualTo(422);
        assertThat(s.get("/api/v1/workflows/" + id + "?version=x", key).status()).isEqualTo(422);
    }

    @Test
    void runs_start_list_get_cancel_and_analytics() {
        String id = create(s.bootstrapKey);
        TestServer.Response started = s.post("/api/v1/workflows/" + id + "/runs",
                Map.of("parameters", Map.of("email", "a@b.c"), "priority", "urgent"));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String runId = started.json().at("/data/workflow_run_id").asText();
        assertThat(started.json().at("/data/status").asText()).isEqualTo("queued");
        assertThat(started.json().at("/execution_info/priority").asText()).isEqualTo("urgent");
        assertThat(started.json().at("/execution_info/parameter_count").asInt()).isEqualTo(1);
        assertThat(started.json().at("/execution_info/estimated_start_time").asText()).isNotEmpty();

        assertThat(s.get("/api/v1/workflows/" + id + "/runs").json().at("/data/runs/0/workflow_run_id").asText())
                .isEqualTo(runId);
        TestServer.Response run = s.get("/api/v1/workflows/" + id + "/runs/" + runId + "?include_blocks=true&include_logs=true");
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().at("/data/blocks").isArray()).isTrue();
        TestServer.Response canceled = s.post("/api/v1/workflows/" + id + "/runs/" + runId + "/cancel",
                Map.of("reason", "stop"));
        assertThat(canceled.json().at("/data/status").asText()).isEqualTo("canceled");
        assertThat(s.post("/api/v1/workflows/" + id + "/runs/" + runId + "/cancel", null).status()).isEqualTo(409);
        assertThat(s.get("/api/v1/workflows/" + id + "/analytics").status()).isEqualTo(200);
    }

    @Test
    void run_artifacts_list_metadata_with_content_urls_and_unknown_run_is_404() {
        String id = create(s.bootstrapKey);
        String runId = s.post("/api/v1/workflows/" + id + "/runs", Map.of("parameters", Map.of("email", "a@b.c")))
                .json().at("/data/workflow_run_id").asText();
        assertThat(s.get("/api/v1/workflows/" + id + "/runs/" + runId + "/artifacts").json().at("/data").size()).isZero();
        String orgId = s.get("/api/v1/organizations/me").json().at("/data/organization_id").asText();
        Artifact shot;
        try (Database db = Database.open(s.skyvern.config().database())) {
            TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.systemUTC());
            ArtifactService artifacts = new ArtifactService(new FileArtifactStore(s.dataDir.resolve("it-artifacts")),
                    new JdbiArtifactMetadataRepository(db), ids, Clock.systemUTC());
            shot = artifacts.record(NewArtifact.forWorkflowRun(orgId, runId, "wrb_1", ArtifactType.SCREENSHOT_BEFORE,
                    new byte[]{1, 2, 3}));
        }

        TestServer.Response listed = s.get("/api/v1/workflows/" + id + "/runs/" + runId + "/artifacts");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        JsonNode first = listed.json().at("/data/0");
        assertThat(listed.json().at("/data").size()).isEqualTo(1);
        assertThat(first.get("artifact_id").asText()).isEqualTo(shot.artifactId());
        assertThat(first.get("workflow_run_id").asText()).isEqualTo(runId);
        assertThat(first.get("workflow_run_block_id").asText()).isEqualTo("wrb_1");
        assertThat(first.get("artifact_type").asText()).isEqualTo("screenshot_before");
        assertThat(first.get("size_bytes").asLong()).isEqualTo(3);
        assertThat(first.get("content_url").asText()).isEqualTo("/api/v1/artifacts/" + shot.artifactId() + "/content");
        assertThat(first.has("uri")).isFalse();
        assertThat(s.get("/api/v1/workflows/" + id + "/runs/wr_missing/artifacts").errorCode())
                .isEqualTo("WORKFLOW_RUN_NOT_FOUND");
        String other = s.newOrganizationKey("Other artifacts org");
        assertThat(s.get("/api/v1/workflows/" + id + "/runs/" + runId + "/artifacts", other).status()).isEqualTo(404);
    }

    @Test
    void bad_run_parameters_are_400_and_bad_run_body_is_422() {
        String id = create(s.bootstrapKey);
        TestServer.Response missingEmail = s.post("/api/v1/workflows/" + id + "/runs", Map.of("parameters", Map.of()));
        assertThat(missingEmail.status()).isEqualTo(400);
        assertThat(missingEmail.errorCode()).isEqualTo("PARAMETER_VALIDATION_FAILED");
        TestServer.Response noParameters = s.post("/api/v1/workflows/" + id + "/runs", Map.of("priority", "low"));
        assertThat(noParameters.status()).isEqualTo(422);
        assertThat(noParameters.json().at("/error/details/errors/0/field").asText()).isEqualTo("parameters");
        TestServer.Response badTime = s.post("/api/v1/workflows/" + id + "/runs",
                Map.of("parameters", Map.of("email", "x"), "max_execution_time_minutes", "soon"));
        assertThat(badTime.status()).isEqualTo(422);
    }

    @Test
    void another_organisations_workflow_is_404_and_absent_from_lists() {
        String keyA = s.newOrganizationKey("wf a");
        String keyB = s.newOrganizationKey("wf b");
        String id = create(keyA);
        assertThat(s.get("/api/v1/workflows/" + id, keyB).errorCode()).isEqualTo("WORKFLOW_NOT_FOUND");
        assertThat(s.post("/api/v1/workflows/" + id + "/runs", Map.of("parameters", Map.of("email", "x")), keyB)
                .status()).isEqualTo(404);
        assertThat(s.get("/api/v1/workflows", keyB).json().at("/data/pagination/total_count").asLong()).isZero();
    }
}
