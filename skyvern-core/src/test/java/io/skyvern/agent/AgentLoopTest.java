package io.skyvern.agent;

import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop's logic with a fake browser and an in-memory model: guard, history, check, budgets, stops. */
class AgentLoopTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
    private static final Path DOWNLOADS = Path.of(System.getProperty("java.io.tmpdir"), "agent-loop-test");

    private final FakeLlm llm = new FakeLlm();
    private final CollectingRecorder recorder = new CollectingRecorder();
    private final FakeBrowserSession page = new FakeBrowserSession("http://site.test/");

    private AgentResult run(AgentOptions options, int maxSteps, RunControl control) {
        AgentGoal goal = new AgentGoal(null, "Reach the end", null, null, null, Map.of(), maxSteps);
        return new AgentLoop(llm, CLOCK, options).run(goal, page, control, recorder, DOWNLOADS);
    }

    private AgentResult run(int maxSteps) {
        return run(new AgentOptions(false, true, RunHistory.DEFAULT_MAX_CHARS), maxSteps, RunControl.NONE);
    }

    private static String actions(String... actions) {
        return "{\"actions\":[" + String.join(",", actions) + "]}";
    }

    private static String click(String id) {
        return "{\"action_type\":\"click\",\"element_id\":\"" + id + "\",\"reasoning\":\"r\"}";
    }

    private static final String COMPLETE = "{\"action_type\":\"complete\",\"reasoning\":\"done\"}";

    @Test
    void with_vision_the_image_sent_is_counted_in_the_step_record() {
        page.tree = "<button id=\"e1\">Go</button>";
        llm.answer(actions(COMPLETE));

        run(new AgentOptions(true, false, RunHistory.DEFAULT_MAX_CHARS), 2, RunControl.NONE);

        assertThat(llm.requests.get(0).messages().get(1).hasImages()).isTrue();
        assertThat(recorder.finished.get(0).imageBytes()).as("the fake's 3-byte screenshot goes as it is").isEqualTo(3);
    }

    @Test
    void without_vision_no_image_is_sent_or_counted() {
        page.tree = "<button id=\"e1\">Go</button>";
        llm.answer(actions(COMPLETE));

        run(new AgentOptions(false, false, RunHistory.DEFAULT_MAX_CHARS), 2, RunControl.NONE);

        assertThat(recorder.finished.get(0).imageBytes()).isZero();
    }

    @Test
    void actions_after_one_that_opens_a_menu_are_not_run_and_the_model_is_told_why() {
        page.tree = "<button id=\"e1\">Menu</button><button id=\"e2\">Save</button>";
        page.onClick("e1", p -> p.unseen = 3);
        llm.answer(actions(click("e1"), click("e2"))).answer(actions(COMPLETE));

        AgentResult result = run(5);

        assertThat(result).isInstanceOf(AgentResult.Completed.class);
        assertThat(page.calls).contains("click e1").doesNotContain("click e2");
        assertThat(recorder.messages()).contains("click: not run: 3 new element(s) appeared (a menu or dialog may "
                + "have opened); look at the page again");
        assertThat(llm.prompt(1)).contains("click e2 -> FAILED: not run: 3 new element(s) appeared");
    }

    @Test
    void a_navigation_stops_the_rest_of_the_plan_but_a_quiet_action_does_not() {
        page.tree = "<input id=\"e3\"><button id=\"e1\">Next</button><button id=\"e2\">Other</button>";
        page.onClick("e1", p -> p.goTo("http://site.test/two", "<button id=\"e1\">Next</button>"));
        llm.answer(actions("{\"action_type\":\"input_text\",\"element_id\":\"e3\",\"text\":\"x\"}", click("e1"), click("e2")))
                .answer(actions(COMPLETE));

        run(5);

        assertThat(page.calls).containsSubsequence("fill e3 x", "click e1").doesNotContain("click e2");
        assertThat(recorder.messages()).anyMatch(m -> m.contains("not run: the page changed to http://site.test/two"));
    }

    @Test
    void every_prompt_carries_the_whole_history_and_the_models_notes() {
        page.tree = "<button id=\"e1\">A</button><button id=\"e2\">B</button>";
        llm.answer("{\"actions\":[" + click("e1") + "],\"memory\":\"order number is 4711\"}")
                .answer(actions(click("e2")))
                .answer(actions(COMPLETE));

        run(5);

        String third = llm.prompt(2);
        assertThat(third).contains("Your notes:", "(step 1) order number is 4711",
                "Step 1 on http://site.test/:", "click e1 -> ok", "Step 2 on http://site.test/:", "click e2 -> ok");
        assertThat(llm.prompt(1)).contains("click e1 -> ok").doesNotContain("click e2 -> ok");
    }

    @Test
    void a_long_history_stays_within_its_bound_with_the_oldest_steps_summarised() {
        RunHistory history = new RunHistory(1_000);
        for (int step = 1; step <= 60; step++) {
            history.add(step, "http://site.test/page/" + step, java.util.List.of(ActionOutcome.ok(
                    new Action.Click("e" + step, "r"), "clicked e" + step + " " + "x".repeat(80), 1)), "");
        }

        String text = history.renderSteps();

        assertThat(text.length()).isLessThanOrEqualTo(1_000);
        assertThat(text).contains("Step 60 on http://site.test/page/60:", "clicked e60", "summarised away")
                .startsWith("Steps 1–");
        assertThat(text).doesNotContain("clicked e1 ");
    }

    @Test
    void a_premature_complete_is_rejected_by_the_check_and_the_run_goes_on() {
        llm.answer(actions(COMPLETE)).answer(actions(click("e1"))).answer(actions(COMPLETE));
        llm.verdict("{\"goal_met\": false, \"reason\": \"the form was not submitted\"}")
                .verdict("```json\n{\"goal_met\": true, \"reason\": \"confirmation shown\"}\n```");

        AgentResult result = run(5);

        assertThat(result).isInstanceOf(AgentResult.Completed.class);
        assertThat(llm.checks).hasSize(2);
        assertThat(llm.prompt(1)).contains("complete -> FAILED: The goal is not met yet: the form was not submitted");
        // 3 steps and 2 checks, 100 tokens in each: the checks are counted
        assertThat(result.usage().inputTokens()).isEqualTo(500);
        assertThat(result.usage().steps()).isEqualTo(3);
        assertThat(recorder.finished.get(0).inputTokens()).isEqualTo(200);
        assertThat(FakeLlm.userText(llm.checks.get(0))).contains("Goal: Reach the end", "Final URL: http://site.test/");
    }

    @Test
    void the_check_can_be_turned_off_and_an_answer_without_a_verdict_lets_complete_stand() {
        llm.answer(actions(COMPLETE));
        assertThat(run(new AgentOptions(false, false, 6_000), 3, RunControl.NONE)).isInstanceOf(AgentResult.Completed.class);
        assertThat(llm.checks).isEmpty();

        FakeLlm other = new FakeLlm().answer(actions(COMPLETE)).verdict("I think so, yes.");
        AgentResult result = new AgentLoop(other, CLOCK, new AgentOptions(false, true, 6_000)).run(
                new AgentGoal(null, "g", null, null, null, Map.of(), 2), page, RunControl.NONE, recorder, DOWNLOADS);
        assertThat(result).isInstanceOf(AgentResult.Completed.class);
        assertThat(other.checks).hasSize(1);
    }

    @Test
    void the_step_budget_ends_the_run_as_failed() {
        for (int i = 0; i < 3; i++) {
            llm.answer(actions(click("e1")));
        }

        AgentResult result = run(3);

        assertThat(result).isInstanceOf(AgentResult.Failed.class);
        assertThat(((AgentResult.Failed) result).reason()).contains("max_steps (3)");
        assertThat(recorder.started()).isEqualTo(3);
        assertThat(recorder.finished).hasSize(3).allMatch(StepResult::completed);
        assertThat(recorder.finished.get(0).settleWaitedFor()).isEqualTo("dom quiet");
    }

    @Test
    void a_cancel_between_actions_stops_the_run_at_the_next_safe_point() {
        page.tree = "<button id=\"e1\">A</button><button id=\"e2\">B</button>";
        AtomicInteger asked = new AtomicInteger();
        RunControl control = new RunControl() {
            @Override
            public boolean cancelRequested() {
                return asked.incrementAndGet() > 2;   // before step 1, before action 1: no; before action 2: yes
            }

            @Override
            public Optional<Instant> deadline() {
                return Optional.empty();
            }
        };
        llm.answer(actions(click("e1"), click("e2")));

        AgentResult result = run(new AgentOptions(false, true, 6_000), 5, control);

        assertThat(result).isInstanceOf(AgentResult.Canceled.class);
        assertThat(page.calls).contains("click e1").doesNotContain("click e2");
        assertThat(recorder.finished).hasSize(1);
        assertThat(recorder.finished.get(0).completed()).isFalse();
    }

    @Test
    void a_passed_deadline_times_the_run_out_before_any_step() {
        RunControl control = new RunControl() {
            @Override
            public boolean cancelRequested() {
                return false;
            }

            @Override
            public Optional<Instant> deadline() {
                return Optional.of(CLOCK.instant());
            }
        };

        assertThat(run(new AgentOptions(false, true, 6_000), 5, control)).isInstanceOf(AgentResult.TimedOut.class);
        assertThat(llm.requests).isEmpty();
    }

    @Test
    void a_new_tab_is_reported_in_the_result_and_listed_in_the_next_prompt() {
        page.onClick("e1", p -> p.openTab("http://other.test/booking", "<input id=\"e1\">"));
        llm.answer(actions(click("e1"))).answer(actions("{\"action_type\":\"switch_tab\",\"tab_id\":\"t1\"}"))
                .answer(actions(COMPLETE));

        run(5);

        assertThat(recorder.messages()).anyMatch(m -> m.startsWith("click: clicked e1; a new tab t2 opened "
                + "(http://other.test/booking) and is now the current tab"));
        assertThat(llm.prompt(1)).contains("Open tabs: t1 \"Fake\" http://site.test/; t2 (current) \"Fake\" http://other.test/booking");
        assertThat(page.calls).contains("switch t1");
        assertThat(page.current).isEqualTo("t1");
    }

    @Test
    void a_dialog_answer_is_set_before_the_click_and_the_dialog_is_shown_to_the_model() {
        page.tree = "<button id=\"e1\">Delete</button>";
        page.onClick("e1", p -> p.dialog("confirm", "Delete the draft?"));
        llm.answer(actions("{\"action_type\":\"handle_dialog\",\"accept\":false}", click("e1"))).answer(actions(COMPLETE));

        run(5);

        assertThat(page.calls).containsSubsequence("dialog false", "click e1");
        assertThat(llm.prompt(1)).contains("a confirm dialog said \"Delete the draft?\" and was dismissed");
    }

    @Test
    void a_secret_typed_by_the_model_is_recorded_as_its_placeholder() throws Exception {
        page.tree = "<input id=\"e4\" type=\"password\">";
        llm.answer(actions("{\"action_type\":\"input_text\",\"element_id\":\"e4\",\"text\":\"{{secret:password}}\"}"))
                .answer(actions(COMPLETE));
        AgentGoal goal = new AgentGoal(null, "Sign in", null, Json.mapper().readTree("{\"password\":\"hunter22\"}"),
                null, Map.of(), 3);

        new AgentLoop(llm, CLOCK, new AgentOptions(false, true, 6_000)).run(goal, page, RunControl.NONE, recorder, DOWNLOADS);

        assertThat(page.calls).contains("fill e4 hunter22");
        assertThat(recorder.actions.get(0).action()).isEqualTo(new Action.InputText("e4", "{{secret:password}}", null));
        assertThat(llm.prompt(1)).doesNotContain("hunter22");
    }
}
