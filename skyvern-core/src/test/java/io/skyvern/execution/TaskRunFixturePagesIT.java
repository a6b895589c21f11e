package io.skyvern.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.artifact.Artifact;
import io.skyvern.artifact.ArtifactType;
import io.skyvern.common.Json;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static io.skyvern.execution.ExecutionTestBed.extracted;
import static io.skyvern.execution.ExecutionTestBed.id;
import static org.assertj.core.api.Assertions.assertThat;

/** A task runs to completed with the right extracted information on each page of the fixture site. */
class TaskRunFixturePagesIT {
    private ExecutionTestBed bed;

    @BeforeEach
    void start() {
        bed = ExecutionTestBed.start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void login_then_account_number_is_extracted() {
        bed.llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*placeholder=\"Your username\"").apply(r),
                        "text", "alice"),
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"password\"").apply(r),
                        "text", "{{secret:login.password}}"),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Sign in").apply(r))));
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(Map.of("account_number", r.find("(ACC-\\d+)").orElse("none"))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/login"), "Log in and open the account page")
                .dataExtractionGoal("The account number")
                .navigationPayload(json("{\"login\":{\"username\":\"alice\",\"password\":\"" + FixtureSite.PASSWORD + "\"}}"))
                .build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.extractedInformation().path("account_number").asText())
                .isEqualTo(FixtureSite.accountNumber(FixtureSite.USER));
        assertThat(bed.site.lastSubmission("/login").orElseThrow().fields())
                .containsEntry("username", "alice").containsEntry("password", FixtureSite.PASSWORD);
        List<StepDetails> steps = bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(true, true, Set.of()));
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).step().status().wireName()).isEqualTo("completed");
        assertThat(steps.get(0).step().inputTokens()).isPositive();
        assertThat(steps.get(0).actions()).extracting(a -> a.actionType())
                .containsExactly("input_text", "input_text", "click");
        // The stored input shows the placeholder, never the password.
        assertThat(steps.get(0).actions().get(1).input().path("text").asText()).isEqualTo("{{secret:login.password}}");
        assertThat(steps.get(0).screenshots()).extracting(Artifact::artifactType)
                .contains(ArtifactType.SCREENSHOT_BEFORE, ArtifactType.SCREENSHOT_AFTER);
        assertThat(bed.skyvern.tasks().artifacts(bed.org, task.taskId())).extracting(Artifact::artifactType)
                .contains(ArtifactType.ELEMENT_TREE, ArtifactType.LLM_PROMPT, ArtifactType.LLM_RESPONSE,
                        ArtifactType.EXTRACTION);
    }

    @Test
    void multi_step_form_is_submitted_and_confirmation_code_extracted() throws Exception {
        Path doc = Files.writeString(bed.dataDir.resolve("cv.txt"), "my cv");
        bed.llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*label=\"Full name\"").apply(r),
                        "text", "Ada Lovelace"),
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"email\"").apply(r),
                        "text", "ada@example.com"),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Next").apply(r))));
        bed.llm.respond(r -> actions(
                act("select_option", "element_id", id("<select id=\"(\\w+)\"").apply(r), "option", Map.of("label", "Japan")),
                act("click", "element_id", id("<input id=\"(\\w+)\"[^>]*value=\"pro\"").apply(r)),
                act("upload_file", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"file\"").apply(r),
                        "file", doc.toString()),
                act("check", "element_id", id("<input id=\"(\\w+)\"[^>]*type=\"checkbox\"").apply(r)),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Submit application").apply(r))));
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(Map.of("code", r.find("(CONF-[0-9A-F]+)").orElse("none"))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/form/step1"), "Apply")
                .dataExtractionGoal("The confirmation code")
                .navigationPayload(json("{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"document\":\""
                        + doc + "\"}"))
                .build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        var submitted = bed.site.lastSubmission("/form/submit").orElseThrow();
        assertThat(submitted.fields()).containsEntry("name", "Ada Lovelace").containsEntry("email", "ada@example.com")
                .containsEntry("country", "jp").containsEntry("plan", "pro").containsEntry("terms", "on");
        assertThat(submitted.files().get("document").filename()).isEqualTo("cv.txt");
        assertThat(task.extractedInformation().path("code").asText()).isEqualTo(
                FixtureSite.confirmationCode("Ada Lovelace", "ada@example.com", "jp", "pro", "cv.txt"));
    }

    @Test
    void product_table_is_extracted_against_its_schema() {
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(List.of(
                Map.of("name", "Green Gizmo", "price", r.find("Green Gizmo \\| \\$([0-9.]+)").map(Double::valueOf)
                        .orElse(0.0)))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Look at the catalogue")
                .dataExtractionGoal("Products costing more than $100")
                .extractedInformationSchema(json("{\"type\":\"array\",\"items\":{\"type\":\"object\","
                        + "\"required\":[\"name\",\"price\"],\"properties\":{\"name\":{\"type\":\"string\"},"
                        + "\"price\":{\"type\":\"number\"}}}}"))
                .build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.extractedInformation().get(0).path("price").asDouble()).isEqualTo(120.0);
    }

    @Test
    void a_step_whose_extraction_failed_is_failed() {
        bed.llm.reply(actions(act("complete")));
        bed.llm.whenExhausted(r -> extracted(Map.of("unexpected", "shape")));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Look at the catalogue")
                .dataExtractionGoal("The products")
                .extractedInformationSchema(json("{\"type\":\"array\"}"))
                .build());

        assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(task.failureReason()).contains("Extraction failed");
        List<StepDetails> steps = bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(false, false, Set.of()));
        assertThat(steps).last().satisfies(s -> {
            assertThat(s.step().status()).isEqualTo(io.skyvern.task.StepStatus.FAILED);
            assertThat(s.step().failureReason()).contains("Extraction failed");
        });
    }

    @Test
    void paginated_list_goes_to_the_next_page() {
        bed.llm.respond(r -> actions(act("click", "element_id", id("<a id=\"(\\w+)\"[^>]*>Next</a>").apply(r))));
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(Map.of("items", r.findAll("- (Item \\d+)"))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/list"), "Go to page 2 of the list")
                .dataExtractionGoal("The items on the page").build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.extractedInformation().path("items").get(0).asText()).isEqualTo("Item 6");
    }

    @Test
    void js_rendered_content_appears_after_a_click() {
        bed.llm.respond(r -> actions(act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Load details").apply(r)),
                act("wait", "seconds", 0.5)));
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(Map.of("shipment", r.find("Shipment (\\d+)").orElse("none"))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/dynamic"), "Load the order details")
                .dataExtractionGoal("The shipment number").build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.extractedInformation().path("shipment").asText()).isEqualTo("7781");
    }

    @Test
    void download_is_recorded_as_an_artifact() throws Exception {
        bed.llm.respond(r -> actions(act("download_file", "element_id",
                id("<a id=\"(\\w+)\"[^>]*>Download the quarterly report").apply(r))));
        bed.llm.reply(actions(act("complete")));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/download"), "Download the report").build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        Artifact download = bed.skyvern.tasks().artifacts(bed.org, task.taskId()).stream()
                .filter(a -> a.artifactType() == ArtifactType.DOWNLOAD).findFirst().orElseThrow();
        try (InputStream in = bed.skyvern.artifacts().openContent(bed.org, download.artifactId())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(FixtureSite.CSV);
        }
    }

    @Test
    void iframe_form_is_filled_and_submitted() {
        bed.llm.respond(r -> actions(
                act("input_text", "element_id", id("<input id=\"(\\w+)\"[^>]*placeholder=\"Nickname\"").apply(r),
                        "text", "robin"),
                act("click", "element_id", id("<button id=\"(\\w+)\"[^>]*>Subscribe").apply(r))));
        bed.llm.reply(actions(act("complete")));
        bed.llm.respond(r -> extracted(Map.of("result", r.find("Iframe submitted: (\\w+)").orElse("none"))));

        Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/iframe"), "Subscribe as robin")
                .dataExtractionGoal("The subscription result").build());

        assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
        assertThat(bed.site.lastSubmission("/frame-form/submit").orElseThrow().fields()).containsEntry("value", "robin");
        assertThat(task.extractedInformation().path("result").asText()).isEqualTo("robin");
    }
}
