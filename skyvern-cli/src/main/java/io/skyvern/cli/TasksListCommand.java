package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.task.Task;
import io.skyvern.task.TaskQuery;
import io.skyvern.task.TaskStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tasks list}: newest first, filterable by status and text. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks, newest first.")
final class TasksListCommand extends ClientCommand {
    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Only these statuses (created, queued, running, completed, failed, terminated, "
                    + "canceled, timed_out); repeatable or comma-separated.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--search", paramLabel = "TEXT", description = "Only tasks whose navigation goal contains TEXT (case-insensitive).")
    String search;

    @Option(names = "--page", defaultValue = "1", description = "Page number (default 1).")
    int page;

    @Option(names = "--page-size", defaultValue = "20", description = "Tasks per page, 1-100 (default 20).")
    int pageSize;

    @Override
    int run(SkyvernClient client) {
        List<TaskStatus> parsed = statuses.stream().map(TaskStatus::parse).toList();
        TaskQuery query = TaskQuery.defaults().withStatuses(parsed).withSearch(search)
                .withPage(new PageRequest(page, pageSize));
        Page<Task> result = client.listTasks(query);
        if (json()) {
            Map<String, Object> data = Output.page("tasks", result);
            Map<String, Object> filters = new LinkedHashMap<>();   // echoed like the API's list
            filters.put("status", parsed.stream().map(TaskStatus::wireName).distinct().toList());
            filters.put("created_after", null);
            filters.put("created_before", null);
            filters.put("search", search);
            filters.put("sort_by", query.sortBy().wireName());
            filters.put("sort_order", query.sortOrder().wireName());
            data.put("filters", filters);
            Output.json(out(), data);
            return ExitCodes.OK;
        }
        List<List<String>> rows = result.items().stream().map(t -> List.of(t.taskId(), t.status().wireName(),
                t.createdAt().toString(), Output.truncate(t.url(), 40), Output.truncate(t.navigationGoal(), 50)))
                .toList();
        Output.table(out(), List.of("TASK_ID", "STATUS", "CREATED_AT", "URL", "GOAL"), rows);
        out().println("page " + result.page() + " of " + Math.max(1, result.totalPages()) + " ("
                + result.totalCount() + " tasks)");
        out().flush();
        return ExitCodes.OK;
    }
}
