package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.common.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionParserTest {
    private final ActionParser parser = new ActionParser();

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void parses_every_action_type_of_the_contract() throws Exception {
        List<Action> actions = parser.parse(json("""
                {"actions":[
                 {"action_type":"click","element_id":"e1","reasoning":"open"},
                 {"action_type":"input_text","element_id":"e2","text":"bob"},
                 {"action_type":"select_option","element_id":"e3","option":{"label":"France"}},
                 {"action_type":"select_option","element_id":"e3","option":{"value":"fr"}},
                 {"action_type":"select_option","element_id":"e3","option":{"index":2}},
                 {"action_type":"select_option","element_id":"e3","option":"France"},
                 {"action_type":"check","element_id":"e4"},
                 {"action_type":"uncheck","element_id":"e4"},
                 {"action_type":"upload_file","element_id":"e5","file":"/tmp/a.txt"},
                 {"action_type":"download_file","element_id":"e6"},
                 {"action_type":"hover","element_id":"e7"},
                 {"action_type":"scroll","direction":"up","pixels":300},
                 {"action_type":"keypress","keys":"Enter"},
                 {"action_type":"goto_url","url":"http://127.0.0.1/x"},
                 {"action_type":"go_back"},
                 {"action_type":"wait","seconds":2},
                 {"action_type":"extract"},
                 {"action_type":"complete","reasoning":"done"},
                 {"action_type":"terminate","reason":"blocked","error_code":"NO_ACCOUNT"}
                ]}"""));
        assertThat(actions).hasSize(19);
        assertThat(actions.get(0)).isEqualTo(new Action.Click("e1", "open"));
        assertThat(actions.get(1)).isEqualTo(new Action.InputText("e2", "bob", null));
        assertThat(((Action.SelectOption) actions.get(2)).option()).isEqualTo(new OptionChoice(OptionChoice.Kind.LABEL, "France"));
        assertThat(((Action.SelectOption) actions.get(3)).option()).isEqualTo(new OptionChoice(OptionChoice.Kind.VALUE, "fr"));
        assertThat(((Action.SelectOption) actions.get(4)).option()).isEqualTo(new OptionChoice(OptionChoice.Kind.INDEX, "2"));
        assertThat(((Action.SelectOption) actions.get(5)).option()).isEqualTo(OptionChoice.labelOrValue("France"));
        assertThat(actions.get(6).type()).isEqualTo(ActionType.CHECK);
        assertThat(actions.get(7).type()).isEqualTo(ActionType.UNCHECK);
        assertThat(actions.get(11)).isEqualTo(new Action.Scroll("up", 300, null));
        assertThat(actions.get(15)).isEqualTo(new Action.Wait(2.0, null));
        assertThat(actions.get(18)).isEqualTo(new Action.Terminate("blocked", "NO_ACCOUNT", null));
    }

    @Test
    void a_bare_array_or_a_single_action_object_is_accepted() throws Exception {
        assertThat(parser.parse(json("[{\"action_type\":\"complete\"}]"))).containsExactly(new Action.Complete(null));
        assertThat(parser.parse(json("{\"action_type\":\"go_back\"}"))).containsExactly(new Action.GoBack(null));
    }

    @Test
    void a_bad_action_becomes_invalid_with_the_reason_instead_of_failing_the_answer() throws Exception {
        List<Action> actions = parser.parse(json("""
                {"actions":[{"action_type":"click"},{"action_type":"fly","element_id":"e1"},
                            {"action_type":"input_text","element_id":"e2"},{"action_type":"select_option","element_id":"e3"},
                            {"action_type":"goto_url"}, 42]}"""));
        assertThat(actions).allSatisfy(a -> assertThat(a).isInstanceOf(Action.Invalid.class));
        assertThat(((Action.Invalid) actions.get(0)).problem()).contains("element_id");
        assertThat(((Action.Invalid) actions.get(1)).problem()).contains("Unknown action_type 'fly'");
        assertThat(((Action.Invalid) actions.get(2)).problem()).contains("text");
        assertThat(((Action.Invalid) actions.get(3)).problem()).contains("option");
        assertThat(((Action.Invalid) actions.get(4)).problem()).contains("url");
        assertThat(((Action.Invalid) actions.get(5)).problem()).contains("JSON object");
    }

    @Test
    void an_answer_without_actions_is_a_garbage_answer() {
        assertThatThrownBy(() -> parser.parse(json("{\"thoughts\":\"hmm\"}"))).isInstanceOf(LlmOutputException.class);
        assertThatThrownBy(() -> parser.parse(json("{\"actions\":[]}"))).isInstanceOf(LlmOutputException.class);
        assertThatThrownBy(() -> parser.parse(json("\"click e1\""))).isInstanceOf(LlmOutputException.class);
    }

    @Test
    void synonyms_and_limits_are_applied() throws Exception {
        List<Action> actions = parser.parse(json("""
                {"actions":[{"type":"type","id":"e9","value":"x"},{"action_type":"wait","seconds":999},
                            {"action_type":"scroll"}]}"""));
        assertThat(actions.get(0)).isEqualTo(new Action.InputText("e9", "x", null));
        assertThat(actions.get(1)).isEqualTo(new Action.Wait(30.0, null));
        assertThat(actions.get(2)).isEqualTo(new Action.Scroll("down", 600, null));
    }

    @Test
    void at_most_twenty_actions_are_taken_from_one_answer() throws Exception {
        StringBuilder many = new StringBuilder("{\"actions\":[");
        for (int i = 0; i < 30; i++) {
            many.append(i == 0 ? "" : ",").append("{\"action_type\":\"wait\",\"seconds\":0}");
        }
        assertThat(parser.parse(json(many.append("]}").toString()))).hasSize(ActionParser.MAX_ACTIONS_PER_STEP);
    }

    @Test
    void parses_tab_dialog_and_targeted_scroll_and_keypress_actions_and_the_memory_note() throws Exception {
        ModelAnswer answer = parser.parseAnswer(json("""
                {"actions":[
                 {"action_type":"switch_tab","tab_id":"t2"},
                 {"action_type":"close_tab","tab_id":" t3 "},
                 {"action_type":"handle_dialog","accept":false},
                 {"action_type":"handle_dialog","accept":"accept","text":"Ada"},
                 {"action_type":"scroll","element_id":"e9","direction":"down","pixels":400},
                 {"action_type":"keypress","element_id":"e2","keys":"Enter"},
                 {"action_type":"switch_tab"},
                 {"action_type":"handle_dialog"}
                ], "memory":"  the order id is 77  "}"""));

        assertThat(answer.actions()).containsExactly(
                new Action.SwitchTab("t2", null),
                new Action.CloseTab("t3", null),
                new Action.HandleDialog(false, null, null),
                new Action.HandleDialog(true, "Ada", null),
                new Action.Scroll("down", 400, "e9", null),
                new Action.KeyPress("Enter", "e2", null),
                new Action.Invalid("switch_tab", "switch_tab needs \"tab_id\" (t1, t2… as the prompt lists the tabs)", null),
                new Action.Invalid("handle_dialog", "handle_dialog needs \"accept\": true or false", null));
        assertThat(answer.memory()).isEqualTo("the order id is 77");
    }

    @Test
    void an_answer_without_memory_keeps_no_note_and_a_long_note_is_cut() throws Exception {
        assertThat(parser.parseAnswer(json("{\"actions\":[{\"action_type\":\"go_back\"}]}")).memory()).isEmpty();
        String longNote = "n".repeat(2_000);
        assertThat(parser.parseAnswer(json("{\"actions\":[{\"action_type\":\"go_back\"}],\"memory\":\"" + longNote + "\"}"))
                .memory()).hasSize(ActionParser.MAX_MEMORY_CHARS);
    }

    @Test
    void scroll_and_keypress_without_an_element_act_on_the_page() throws Exception {
        List<Action> actions = parser.parse(json("""
                {"actions":[{"action_type":"scroll","direction":"up"},{"action_type":"keypress","keys":"Tab"}]}"""));
        assertThat(actions).containsExactly(new Action.Scroll("up", 600, null, null), new Action.KeyPress("Tab", null, null));
    }
}
