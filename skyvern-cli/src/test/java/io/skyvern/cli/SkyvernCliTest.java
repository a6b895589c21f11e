package io.skyvern.cli;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line itself: parsing, usage errors, exit codes, no stack traces; nothing runs a task. */
class SkyvernCliTest {

    @Test
    void unknown_flag_is_exit_2_with_usage_and_no_stack_trace() {
        CliRun run = CliRun.of("tasks", "list", "--bogus");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--bogus'").contains("Usage:").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void run_task_without_url_is_exit_2_naming_the_option() {
        CliRun run = CliRun.of("run-task", "--goal", "find the price");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--url").contains("Usage:").doesNotContain("Exception");
    }

    @Test
    void unknown_command_is_exit_2() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void unknown_command_suggests_only_commands_that_look_like_it() {
        CliRun far = CliRun.of("frobnicate");
        assertThat(far.err()).doesNotContain("completion").doesNotContain("Did you mean");
        CliRun typo = CliRun.of("taks", "list");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: tasks?");
    }

    @Test
    void connection_options_are_accepted_before_the_command_too() {
        CliRun before = CliRun.of("--server", "http://127.0.0.1:1", "--api-key", "", "tasks", "list");
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(2);
        assertThat(before.err()).contains("--api-key (or SKYVERN_API_KEY) is required with --server")
                .doesNotContain("Unknown option");
        CliRun json = CliRun.of("--json", "--server=http://127.0.0.1:1", "--api-key", "k", "--debug", "tasks", "list");
        assertThat(json.err()).doesNotContain("Unknown option").contains("127.0.0.1:1");
        assertThat(LeadingOptions.moveToEnd(new String[]{"--data-dir", "/d", "tasks", "get", "x"}))
                .containsExactly("tasks", "get", "x", "--data-dir", "/d");
    }

    @Test
    void a_schema_file_that_does_not_exist_is_called_missing_not_invalid_json() {
        CliRun run = CliRun.of("run-task", "--url", "https://a.test", "--goal", "g", "--schema", "/missing.json",
                "--server", "http://127.0.0.1:1", "--api-key", "k");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("skyvern-cli: --schema: /missing.json does not exist "
                + "(give a JSON file or inline JSON)");
    }

    @Test
    void no_command_shows_usage_and_exit_2() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("run-task").contains("tasks");
    }

    @Test
    void bad_timeout_is_exit_2() {
        CliRun run = CliRun.of("run-task", "--url", "https://a.test", "--goal", "g", "--timeout", "soon");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("'soon' is not a duration").doesNotContain("\tat ");
    }

    @Test
    void malformed_payload_json_is_exit_2_one_line() {
        CliRun run = CliRun.of("run-task", "--url", "https://a.test", "--goal", "g", "--payload", "{nope",
                "--server", "http://127.0.0.1:1", "--api-key", "k");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("skyvern-cli: --payload: inline JSON is not valid JSON")
                .doesNotContain("\n");
    }

    @Test
    void server_without_api_key_is_exit_2() {
        CliRun run = CliRun.of("tasks", "list", "--server", "http://127.0.0.1:1", "--api-key", "");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--api-key (or SKYVERN_API_KEY) is required with --server");
    }

    @Test
    void unreachable_server_is_one_line_exit_1_and_a_trace_only_with_debug() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        CliRun run = CliRun.of("tasks", "list", "--server", url, "--api-key", "k");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("skyvern-cli: Cannot reach the Skyvern server at URL: " + url)
                .doesNotContain("\tat ");
        CliRun debug = CliRun.of("tasks", "list", "--server", url, "--api-key", "k", "--debug");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("\tat ").contains("SkyvernException");
    }

    @Test
    void version_prints_the_build_version() {
        CliRun run = CliRun.of("version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("skyvern-cli ").doesNotContain("${").doesNotContain("unknown");
        assertThat(CliRun.of("--version").out()).isEqualTo(run.out());
    }

    @Test
    void completion_prints_a_bash_script_covering_the_subcommands() {
        CliRun run = CliRun.of("completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("run-task").contains("workflows")
                .contains("--max-steps");
    }

    @Test
    void help_lists_commands_and_exit_codes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run-task", "tasks", "workflows", "sessions", "org", "keys", "serve",
                "version", "completion", "3 task canceled or timed out");
    }

    @Test
    void durations_accept_people_units_and_iso() {
        DurationConverter c = new DurationConverter();
        assertThat(c.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(c.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(c.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> c.convert("0s")).hasMessageContaining("positive");
    }

    @Test
    void workflow_param_values_are_json_when_they_parse() {
        assertThat(WorkflowsRunCommand.value("42").isInt()).isTrue();
        assertThat(WorkflowsRunCommand.value("true").isBoolean()).isTrue();
        assertThat(WorkflowsRunCommand.value("[1,2]").isArray()).isTrue();
        assertThat(WorkflowsRunCommand.value("hello world").asText()).isEqualTo("hello world");
    }
}
