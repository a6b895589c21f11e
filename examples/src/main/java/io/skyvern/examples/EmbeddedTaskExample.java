package io.skyvern.examples;

import io.skyvern.Skyvern;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;

import java.time.Duration;

/**
 * Runs a task in-process and waits for its end: no server, the database is the embedded one in the
 * data dir (or SKYVERN_DATABASE_URL), the LLM the one configured in the environment. Without an LLM
 * the task fails at once and the example prints why.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java@embedded-task [-Dexec.args="URL GOAL"]
 * </pre>
 */
public final class EmbeddedTaskExample {
    private EmbeddedTaskExample() {
    }

    /** Runs one task as the data dir's bootstrap organisation; returns it final, or as it is at the deadline. */
    public static Task run(SkyvernConfig config, String url, String goal, Duration deadline) {
        try (Skyvern skyvern = Skyvern.create(config)) {
            SkyvernClient client = skyvern.client(skyvern.bootstrapOrganization().organizationId());
            Task task = client.createTask(CreateTaskRequest.builder(url, goal).maxSteps(10).build());
            System.out.println("created " + task.taskId() + ", waiting up to " + deadline.toSeconds() + " s");
            try {
                return client.awaitTask(task.taskId(), deadline);
            } catch (SkyvernException e) {
                if (e.errorCode() != ErrorCode.TASK_NOT_FINISHED) {
                    throw e;
                }
                System.out.println(e.getMessage());
                return client.findTask(task.taskId()).orElseThrow();
            }
        }
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "https://example.com";
        String goal = args.length > 1 ? args[1] : "Read the page title";
        Task task = run(SkyvernConfig.defaults(), url, goal, Duration.ofMinutes(5));
        System.out.println("final status: " + task.status().wireName());
        task.extracted().ifPresent(info -> System.out.println("extracted: " + info));
        task.failure().ifPresent(reason -> System.out.println("failure: " + reason));
    }
}
