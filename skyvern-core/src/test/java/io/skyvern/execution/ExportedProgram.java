package io.skyvern.execution;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Compiles an exported Java program with {@code javax.tools} against Playwright alone (its jars
 * and Gson, taken from the test class path) and runs it in a new JVM; returns what it printed.
 */
final class ExportedProgram {
    private ExportedProgram() {
    }

    static String compileAndRun(String className, String source, Map<String, String> env) throws IOException,
            InterruptedException {
        Path dir = Files.createTempDirectory("skyvern-export");
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        String classPath = playwrightOnly();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "-cp", classPath, "-d", dir.toString(), file.toString());
        if (rc != 0) {
            throw new AssertionError("The export does not compile:\n" + errors.toString(StandardCharsets.UTF_8)
                    + "\n" + source);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", dir + File.pathSeparator + classPath, className)
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("The export did not finish in 120 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("The export exited " + p.exitValue() + ":\n" + out + "\n" + source);
        }
        return out;
    }

    private static String playwrightOnly() {
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("com/microsoft/playwright") || e.contains("com/google/code/gson"))
                .toList();
        if (jars.isEmpty()) {
            throw new AssertionError("Playwright is not on the test class path");
        }
        return jars.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
