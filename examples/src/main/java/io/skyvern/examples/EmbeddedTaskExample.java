package io.skyvern.examples;

import io.skyvern.Skyvern;
import io.skyvern.client.SkyvernClient;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskIncludes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates a task in-process and polls it until it ends or a deadline passes: no server, the
 * database is the embedded one in the data dir (or SKYVERN_DATABASE_URL).
 *
 * <pre>
 * mvn -pl examples -am compile exec:java -Dexec.mainClass=io.skyvern.examples.EmbeddedTaskExample
 * </pre>
 */
public final class EmbeddedTaskExample {
    private EmbeddedTaskExample() {
    }

    /** Runs one task as the data dir's bootstrap organisation; returns the task as last seen. */
    public static Task run(SkyvernConfig config, String url, String goal, Duration deadline)
            throws InterruptedException {
        try (Skyvern skyvern = Skyvern.create(config)) {
            String orgId = skyvern.organizations().findBootstrap()
                    .orElseGet(() -> skyvern.organizations().createBootstrap("bootstrap", Optional.empty())
                            .organization())
                    .organizationId();
            SkyvernClient client = skyvern.client(orgId);
            Task task = client.createTask(CreateTaskRequest.builder(url, goal).maxSteps(10).build());
            System.out.println("created " + task.taskId());
            Instant until = Instant.now().plus(deadline);
            while (!task.status().isFinal() && Instant.now().isBefore(until)) {
                Thread.sleep(500);
                task = client.getTask(task.taskId(), TaskIncludes.NONE).task();
                System.out.println(task.taskId() + " " + task.status().wireName());
            }
            return task;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Task task = run(SkyvernConfig.defaults(), "https://example.com", "Read the page title", Duration.ofMinutes(5));
        System.out.println("final status: " + task.status().wireName()
                + (task.extractedInformation() == null ? "" : ", extracted: " + task.extractedInformation()));
    }
}
