package io.skyvern.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code skyvern-cli demo} end to end in-process: real Chromium, the bundled site and the replayed
 * recording. The demo makes its own temporary H2 data dir, so the backend property does not matter.
 */
class DemoCommandIT {
    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void demo_runs_the_task_with_progress_and_extracts_the_books() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "needs Chromium at " + CHROMIUM);
        long started = System.nanoTime();
        CliRun run = CliRun.of("demo", "--keep", "--browser-executable", CHROMIUM, "--poll-interval", "100ms");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("demo end to end (in-process): " + millis + " ms");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith(DemoCommand.NOTICE)
                .contains("step 1 of 5 · http://127.0.0.1:")
                .contains("input_text e").contains("The search box (name q) takes a title or an author")
                .contains("click e").contains("Press Search to list the books by Le Guin.")
                .contains("step 2 of 5 · http://127.0.0.1:").contains("/search?q=Le+Guin")
                .contains("complete [completed] - The results page for \"Le Guin\" lists 3 book(s)")
                .contains("4 LLM answer(s) replayed from the recording; no LLM was called");
        assertThat(run.out()).contains("status: completed")
                .contains("{\"title\":\"The Left Hand of Darkness\",\"author\":\"Ursula K. Le Guin\",\"price\":12.99}")
                .contains("{\"title\":\"The Dispossessed\",\"author\":\"Ursula K. Le Guin\",\"price\":11.5}")
                .contains("{\"title\":\"A Wizard of Earthsea\",\"author\":\"Ursula K. Le Guin\",\"price\":9.99}")
                .doesNotContain("Dune").contains("screenshot_before").contains("screenshots:");

        Matcher kept = Pattern.compile("data dir kept: (\\S+)").matcher(run.err());
        assertThat(kept.find()).isTrue();
        Path dataDir = Path.of(kept.group(1));
        try {
            List<Path> shots = screenshots(dataDir);
            assertThat(shots).hasSizeGreaterThanOrEqualTo(2);
            for (Path shot : shots) {
                assertThat(run.out()).contains(shot.toString());
                byte[] png = Files.readAllBytes(shot);
                assertThat(png).hasSizeGreaterThan(1000);
                assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            }
        } finally {
            delete(dataDir);
        }
    }

    @Test
    void demo_without_keep_deletes_its_data_dir_and_json_is_machine_readable() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "needs Chromium at " + CHROMIUM);
        CliRun run = CliRun.of("demo", "--json", "--browser-executable", CHROMIUM, "--poll-interval", "100ms");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        var json = io.skyvern.common.Json.mapper().readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("completed");
        assertThat(json.get("extracted_information")).hasSize(3);
        assertThat(json.get("exit_code").asInt()).isZero();
        Matcher dir = Pattern.compile("data dir: (\\S+)").matcher(run.err());
        assertThat(dir.find()).isTrue();
        assertThat(Path.of(dir.group(1))).doesNotExist();
    }

    @Test
    void missing_browser_exits_2_with_how_to() {
        CliRun run = CliRun.of("demo", "--browser-executable", "/nonexistent/chromium");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith(DemoCommand.NOTICE).contains("SKYVERN_BROWSER_EXECUTABLE")
                .contains("install chromium");
    }

    private static List<Path> screenshots(Path dataDir) throws Exception {
        try (var files = Files.walk(dataDir)) {
            return files.filter(p -> p.toString().endsWith(".png")).toList();
        }
    }

    private static void delete(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
