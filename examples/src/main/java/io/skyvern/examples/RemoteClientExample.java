package io.skyvern.examples;

import io.skyvern.client.RemoteSkyvernClient;
import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.task.CreateTaskRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskQuery;

/**
 * Talks to a Skyvern server from any JVM application through {@link SkyvernClient}: the same
 * interface as in-process, over HTTP.
 *
 * <pre>
 * SKYVERN_SERVER_URL=http://127.0.0.1:8000 SKYVERN_API_KEY=sk_... mvn -q -pl examples -am compile exec:java@remote-client
 * </pre>
 */
public final class RemoteClientExample {
    private RemoteClientExample() {
    }

    /** Creates a task on the server and returns the first page of tasks, which includes it. */
    public static Page<Task> createAndList(SkyvernClient client, String url, String goal) {
        Task task = client.createTask(CreateTaskRequest.builder(url, goal)
                .dataExtractionGoal("the page title")
                .maxSteps(5)
                .build());
        System.out.println("created " + task.taskId() + " (" + task.status().wireName() + ")");
        Page<Task> tasks = client.listTasks(TaskQuery.defaults());
        tasks.items().forEach(t -> System.out.println(t.taskId() + "  " + t.status().wireName() + "  " + t.url()));
        return tasks;
    }

    public static void main(String[] args) {
        String server = System.getenv().getOrDefault("SKYVERN_SERVER_URL", "http://localhost:8000");
        String apiKey = System.getenv("SKYVERN_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            System.err.println("Set SKYVERN_API_KEY (see <data-dir>/credentials after the server's first start)");
            System.exit(2);
        }
        SkyvernClient client = RemoteSkyvernClient.connect(server, apiKey);
        System.out.println("acting as " + client.me().name());
        createAndList(client, "https://example.com", "Read the page title");
    }
}
