package io.skyvern.execution;

import io.skyvern.config.ConfigKey;
import io.skyvern.task.ActionRecord;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.StepDetails;
import io.skyvern.task.StepQuery;
import io.skyvern.task.Task;
import io.skyvern.task.TaskStatus;
import io.skyvern.testing.ScriptedReply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.skyvern.execution.ExecutionTestBed.act;
import static io.skyvern.execution.ExecutionTestBed.actions;
import static io.skyvern.execution.ExecutionTestBed.id;
import static org.assertj.core.api.Assertions.assertThat;

/** How runs end when things go wrong: bad model answers, wrong ids, step budget, terminate, no LLM. */
class TaskRunOutcomesIT {

    @Test
    void garbage_model_output_is_retried_once_then_the_task_fails_with_a_reason() {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(ScriptedReply.content("Sure! I would click the button."),
                    ScriptedReply.content("{\"actions\": \"not a list\""));

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Look around").build());

            assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(task.failureReason()).contains("could not be used");
            assertThat(bed.llm.requestCount()).isEqualTo(2);
            assertThat(bed.llm.requests().get(1).lastUserText()).contains("Your answer could not be used");
            assertThat(bed.skyvern.tasks().logs(bed.org, task.taskId())).anySatisfy(l ->
                    assertThat(l.message()).contains("Unusable model answer"));
        }
    }

    @Test
    void a_missing_element_id_is_fed_back_and_the_next_step_recovers() {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(actions(act("click", "element_id", "e999")));
            bed.llm.respond(r -> actions(act("click", "element_id", id("<a id=\"(\\w+)\"[^>]*>Next</a>").apply(r))));
            bed.llm.reply(actions(act("complete")));

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/list"), "Go to page 2").build());

            assertThat(task.status()).as(String.valueOf(task.failureReason())).isEqualTo(TaskStatus.COMPLETED);
            String second = bed.llm.requests().get(1).lastUserText();
            assertThat(second).contains("e999").contains("FAILED");
            List<StepDetails> steps = bed.skyvern.tasks().steps(bed.org, task.taskId(),
                    new StepQuery(true, false, Set.of()));
            assertThat(steps).hasSize(3);
            ActionRecord failed = steps.get(0).actions().get(0);
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.elementId()).isEqualTo("e999");
            assertThat(failed.resultMessage()).isNotBlank();
            assertThat(steps.get(1).step().url()).contains("/list");
            assertThat(bed.site.url("/list?page=2")).isEqualTo(steps.get(2).step().url());
        }
    }

    @Test
    void reaching_max_steps_fails_the_task() {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.whenExhausted(r -> actions(act("scroll", "direction", "down")));

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Scroll forever").maxSteps(2)
                    .build());

            assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(task.failureReason()).contains("max_steps (2)");
            assertThat(bed.llm.requestCount()).isEqualTo(2);
            assertThat(bed.skyvern.tasks().steps(bed.org, task.taskId(), new StepQuery(false, false, Set.of())))
                    .hasSize(2);
        }
    }

    @Test
    void terminate_with_a_user_error_code_records_code_and_reason() {
        try (ExecutionTestBed bed = ExecutionTestBed.start()) {
            bed.llm.reply(actions(act("terminate", "error_code", "NO_ACCOUNT", "reason", "There is no account here")));

            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Open my account")
                    .errorCodeMapping(Map.of("NO_ACCOUNT", "The user has no account on the site")).build());

            assertThat(task.status()).isEqualTo(TaskStatus.TERMINATED);
            assertThat(task.failureReason()).isEqualTo("NO_ACCOUNT: There is no account here");
            assertThat(bed.llm.requests().get(0).lastUserText()).contains("NO_ACCOUNT: The user has no account");
        }
    }

    @Test
    void without_an_llm_the_task_fails_at_once_with_the_how_to_and_no_browser_starts() {
        try (ExecutionTestBed bed = ExecutionTestBed.start(Map.of(ConfigKey.LLM_MODEL, ""))) {
            Task task = bed.run(CreateTaskRequest.builder(bed.site.url("/products"), "Anything").build());

            assertThat(task.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(task.failureReason()).contains("No LLM is configured").contains("SKYVERN_LLM_MODEL");
            assertThat(bed.skyvern.browserLaunched()).isFalse();
            assertThat(bed.llm.requestCount()).isZero();
            assertThat(bed.site.submissions()).isEmpty();
        }
    }
}
