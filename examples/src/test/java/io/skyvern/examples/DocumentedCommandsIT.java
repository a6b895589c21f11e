package io.skyvern.examples;

import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the documentation tells a new user to run works as written: each example's command (a real
 * {@code mvn} run of one of them), and the README's Java snippet, compiled as pasted and run in a
 * fresh JVM over a fresh data dir, where it must leave the API key for the server and the CLI.
 */
class DocumentedCommandsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern EXEC = Pattern.compile("exec:java@([a-z-]+)");

    @Test
    void every_example_documents_one_command_whose_execution_runs_its_main_class() throws IOException {
        String pom = Files.readString(ROOT.resolve("examples/pom.xml"));
        for (Class<?> example : List.of(EmbeddedTaskExample.class, EmbeddedServerExample.class,
                RemoteClientExample.class)) {
            String source = Files.readString(ROOT.resolve("examples/src/main/java/io/skyvern/examples/"
                    + example.getSimpleName() + ".java"));
            Matcher m = EXEC.matcher(source);
            assertThat(m.find()).as(example + " documents an exec:java@ID command").isTrue();
            String id = m.group(1);
            assertThat(source).contains("mvn -q -pl examples -am compile exec:java@" + id);
            Pattern execution = Pattern.compile("<id>" + id + "</id>\\s*<configuration>\\s*<skip>false</skip>\\s*"
                    + "<mainClass>" + Pattern.quote(example.getName()) + "</mainClass>");
            assertThat(execution.matcher(pom).find()).as("examples/pom.xml runs " + example + " as " + id).isTrue();
        }
    }

    @Test
    void the_embedded_task_command_runs_the_example_and_prints_why_the_task_failed() throws Exception {
        Path mvn = which("mvn");
        assumeTrue(mvn != null, "mvn is not on the PATH");
        Path dataDir = Files.createTempDirectory("skyvern-example-cmd");
        try {
            // Online, as the documented command runs: a fresh machine has not yet downloaded exec-maven-plugin.
            Result r = run(List.of(mvn.toString(), "-B", "-q", "-pl", "examples", "-am", "compile",
                    "exec:java@embedded-task"), dataDir, 300);
            assertThat(r.exit).as(r.output).isZero();
            assertThat(r.output).contains("created tsk_").contains("final status: failed")
                    .contains("failure: No LLM is configured");
            assertThat(dataDir.resolve("credentials")).exists();
        } finally {
            deleteTree(dataDir);
        }
    }

    @Test
    void the_readme_java_snippet_compiles_as_pasted_runs_and_keeps_the_api_key() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).isTrue();
        Path work = Files.createTempDirectory("skyvern-readme-snippet");
        try {
            Path source = work.resolve("Main.java");
            Files.writeString(source, m.group(1));
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int compiled = javac.run(null, errors, errors, "-cp", classpath, "-d", work.toString(), source.toString());
            assertThat(compiled).as(errors.toString(StandardCharsets.UTF_8)).isZero();

            Path dataDir = work.resolve("data");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Result r = run(List.of(java, "-cp", work + File.pathSeparator + classpath, "Main"), dataDir, 120);
            assertThat(r.exit).as(r.output).isZero();
            assertThat(r.output).containsPattern("tsk_\\w+ failed").contains("failure: No LLM is configured");
            List<String> credentials = Files.readAllLines(dataDir.resolve("credentials"));
            assertThat(credentials).anyMatch(l -> l.matches("api_key=\\S+"));
        } finally {
            deleteTree(work);
        }
    }

    private record Result(int exit, String output) {
    }

    /** Runs a command in the repository root over {@code dataDir}, without any LLM or database setting. */
    private static Result run(List<String> command, Path dataDir, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(ROOT.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SKYVERN_LLM") || k.startsWith("SKYVERN_DATABASE")
                || k.equals("OPENAI_API_KEY") || k.equals("ANTHROPIC_API_KEY"));
        env.put("SKYVERN_DATA_DIR", dataDir.toString());
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        pump.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        pump.join(5_000);
        return new Result(p.isAlive() ? -1 : p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private static Path which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
