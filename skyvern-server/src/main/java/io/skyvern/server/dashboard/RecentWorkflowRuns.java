package io.skyvern.server.dashboard;

import io.skyvern.client.SkyvernClient;
import io.skyvern.common.PageRequest;
import io.skyvern.workflow.RunQuery;
import io.skyvern.workflow.Workflow;
import io.skyvern.workflow.WorkflowQuery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The newest workflow runs of the organisation for the runs list. The services list runs per
 * workflow, so this reads the 10 newest runs of each of the 50 latest workflows and keeps the 20
 * newest: enough for a dashboard's first page, not a full org-wide run search.
 */
final class RecentWorkflowRuns {
    private RecentWorkflowRuns() {
    }

    static List<RunRow> of(SkyvernClient client, RunFilter filter) {
        if (!filter.status().isEmpty() && filter.runStatus().isEmpty()) {
            return List.of();  // a task-only status
        }
        List<RunRow> rows = new ArrayList<>();
        for (Workflow w : client.listWorkflows(new WorkflowQuery(Optional.empty(), Optional.empty(),
                new PageRequest(1, 50))).items()) {
            if (!filter.text().isEmpty() && !w.title().toLowerCase(Locale.ROOT)
                    .contains(filter.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            RunQuery query = new RunQuery(filter.runStatus().map(Set::of).orElse(Set.of()), new PageRequest(1, 10));
            client.listWorkflowRuns(w.workflowId(), query).items().stream()
                    .filter(r -> filter.createdAfter().map(after -> !r.createdAt().isBefore(after)).orElse(true))
                    .forEach(r -> rows.add(RunRow.of(r, w.title())));
        }
        rows.sort(Comparator.comparing(RunRow::createdAt).reversed());
        return rows.size() > 20 ? List.copyOf(rows.subList(0, 20)) : List.copyOf(rows);
    }
}
