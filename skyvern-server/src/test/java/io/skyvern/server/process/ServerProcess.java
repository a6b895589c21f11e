package io.skyvern.server.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable server jar ({@code target/skyvern-server.jar}, built by the package phase before
 * Failsafe runs) started as a real operating-system process, so tests can SIGKILL or SIGTERM it.
 * Its stdout and stderr go to {@code target/process-logs/<name>.log}; {@link #start} returns once
 * the server printed the port it bound (it is started with {@code --port 0}).
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final Path JAR = Path.of("target", "skyvern-server.jar");

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. Waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the JVM runs its shutdown hooks (the server's graceful stop). Does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** The exit code, or throws if the process is still running after {@code timeout}. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running after " + timeout + "; log:\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + name, e);
        }
    }

    public Path logFile() {
        return log;
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        String text = logText();
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Flags and environment of one server process. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        private Path dataDir;
        private String databaseUrl;
        private int workers = 0;

        private Builder(String name) {
            this.name = name;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder databaseUrl(String url) {
            this.databaseUrl = url;
            return this;
        }

        public Builder workers(int n) {
            this.workers = n;
            return this;
        }

        /** An environment variable of the server process, e.g. {@code SKYVERN_API_KEY}. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public ServerProcess start(Duration timeout) {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first "
                        + "(mvn verify does)");
            }
            try {
                Path dir = dataDir != null ? dataDir : Files.createTempDirectory("skyvern-proc-" + name);
                Path logs = Files.createDirectories(Path.of("target", "process-logs"));
                Path log = logs.resolve(name + "-" + System.nanoTime() + ".log");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmArgs);
                command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "--port", "0",
                        "--host", "127.0.0.1", "--data-dir", dir.toString(), "--workers", String.valueOf(workers)));
                if (databaseUrl != null) {
                    command.addAll(List.of("--database-url", databaseUrl));
                }
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().keySet().removeIf(k -> k.startsWith("SKYVERN_"));
                builder.environment().putAll(env);
                Process process = builder.start();
                return new ServerProcess(name, process, log, awaitPort(process, log, timeout));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private int awaitPort(Process process, Path log, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening:\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                    throw new IllegalStateException("interrupted starting " + name, e);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not listen within " + timeout + "; log:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
