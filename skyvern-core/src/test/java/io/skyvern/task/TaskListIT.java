package io.skyvern.task;

import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SortOrder;
import io.skyvern.testing.TestOrganizations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Filters, every sort and paging of the task list, checked against orders computed in Java. */
class TaskListIT {
    private static final String[] WORDS = {"kilo", "alpha", "juliet", "echo", "bravo", "india", "hotel",
            "charlie", "golf", "delta", "foxtrot", "lima"};
    private static TaskTestSupport t;
    private static String org;
    private static Instant middle;
    private static List<Task> all;

    @BeforeAll
    static void seed() {
        t = new TaskTestSupport();
        org = TestOrganizations.insert(t.database);
        String otherOrg = TestOrganizations.insert(t.database);
        t.service.create(otherOrg, CreateTaskRequest.builder("https://example.com/other", "buy invoice").build());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            t.clock.advance(Duration.ofMinutes(1));
            if (i == 6) {
                middle = t.clock.instant();
                t.clock.advance(Duration.ofSeconds(1));
            }
            String goal = WORDS[i] + (i % 3 == 0 ? " download the INVOICE" : " open page 100%_done");
            ids.add(t.service.create(org, CreateTaskRequest.builder("https://example.com/" + WORDS[(i + 5) % 12],
                    goal).build()).taskId());
        }
        // Statuses and times vary independently of the creation order.
        for (int i = 0; i < ids.size(); i++) {
            Task task = t.service.get(org, ids.get(i));
            switch (i % 4) {
                case 0 -> t.move(task, TaskStatus.RUNNING, TaskStatus.COMPLETED);
                case 1 -> t.move(task, TaskStatus.RUNNING);
                case 2 -> t.move(task, TaskStatus.FAILED);
                default -> { }
            }
        }
        t.service.cancel(org, ids.get(3), CancelRequest.of("x"));
        all = ids.stream().map(id -> t.service.get(org, id)).toList();
    }

    @AfterAll
    static void close() {
        t.close();
    }

    private static List<String> list(TaskQuery q) {
        return t.service.list(org, q).items().stream().map(Task::taskId).toList();
    }

    private static TaskQuery everything() {
        return TaskQuery.defaults().withPage(new PageRequest(1, 100));
    }

    private static <T extends Comparable<T>> Comparator<Task> nullsHigh(Function<Task, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static Comparator<Task> ascending(TaskSortField field) {
        Comparator<Task> primary = switch (field) {
            case CREATED_AT -> nullsHigh(Task::createdAt);
            case MODIFIED_AT -> nullsHigh(Task::modifiedAt);
            case COMPLETED_AT -> nullsHigh(Task::completedAt);
            case STATUS -> Comparator.<Task, String>comparing(x -> x.status().wireName()).thenComparing(Task::createdAt);
            case URL -> Comparator.comparing(Task::url);
            case NAVIGATION_GOAL -> Comparator.comparing(Task::navigationGoal);
        };
        return primary.thenComparing(Task::taskId);
    }

    @Test
    void every_sort_field_and_order_gives_the_right_order() {
        for (TaskSortField field : TaskSortField.values()) {
            for (SortOrder order : SortOrder.values()) {
                Comparator<Task> cmp = order == SortOrder.ASC ? ascending(field) : ascending(field).reversed();
                List<String> expected = all.stream().sorted(cmp).map(Task::taskId).toList();
                assertThat(list(everything().withSort(field, order))).as(field + " " + order).isEqualTo(expected);
            }
        }
    }

    @Test
    void sort_with_a_status_filter_keeps_only_that_status_in_order() {
        for (TaskSortField field : TaskSortField.values()) {
            List<String> expected = all.stream().filter(x -> x.status() == TaskStatus.RUNNING)
                    .sorted(ascending(field).reversed()).map(Task::taskId).toList();
            assertThat(list(everything().withStatuses(List.of(TaskStatus.RUNNING)).withSort(field, SortOrder.DESC)))
                    .as(field.name()).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void several_statuses_are_combined() {
        Set<TaskStatus> wanted = Set.of(TaskStatus.FAILED, TaskStatus.CANCELED, TaskStatus.QUEUED);
        List<String> expected = all.stream().filter(x -> wanted.contains(x.status()))
                .sorted(ascending(TaskSortField.CREATED_AT).reversed()).map(Task::taskId).toList();
        assertThat(list(everything().withStatuses(List.copyOf(wanted)))).isEqualTo(expected).hasSize(6);
    }

    @Test
    void created_after_and_before_bound_the_creation_time() {
        List<String> after = all.stream().filter(x -> x.createdAt().isAfter(middle))
                .sorted(ascending(TaskSortField.CREATED_AT)).map(Task::taskId).toList();
        assertThat(list(everything().withCreatedRange(middle, null).withSort(TaskSortField.CREATED_AT, SortOrder.ASC)))
                .isEqualTo(after).hasSize(6);
        assertThat(list(everything().withCreatedRange(null, middle))).hasSize(6).doesNotContainAnyElementsOf(after);
        Instant second = all.get(1).createdAt();
        assertThat(list(everything().withCreatedRange(all.get(0).createdAt(), all.get(2).createdAt())))
                .containsExactly(all.get(1).taskId());
        assertThat(second).isNotNull();
    }

    @Test
    void search_is_a_case_insensitive_substring_of_the_goal_with_wildcards_taken_literally() {
        assertThat(list(everything().withSearch("invoice"))).hasSize(4);
        assertThat(list(everything().withSearch("InVoIcE"))).hasSize(4);
        assertThat(list(everything().withSearch("100%_d"))).hasSize(8);
        assertThat(list(everything().withSearch("1000"))).isEmpty();
        assertThat(list(everything().withSearch("%"))).hasSize(8);
        assertThat(list(everything().withSearch("_"))).hasSize(8);
        assertThat(list(everything().withSearch("!"))).isEmpty();
        assertThat(list(everything().withSearch("' OR 1=1 --"))).isEmpty();
        assertThat(list(everything().withSearch("kilo").withStatuses(List.of(TaskStatus.COMPLETED))))
                .containsExactly(all.get(0).taskId());
    }

    @Test
    void pages_split_the_list_with_correct_counts() {
        TaskQuery base = TaskQuery.defaults().withSort(TaskSortField.URL, SortOrder.ASC);
        List<String> full = list(base.withPage(new PageRequest(1, 100)));
        List<String> joined = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Page<Task> p = t.service.list(org, base.withPage(new PageRequest(page, 5)));
            assertThat(p.totalCount()).isEqualTo(12);
            assertThat(p.totalPages()).isEqualTo(3);
            assertThat(p.hasPrev()).isEqualTo(page > 1);
            assertThat(p.hasNext()).isEqualTo(page < 3);
            p.items().forEach(x -> joined.add(x.taskId()));
        }
        assertThat(joined).isEqualTo(full);
        Page<Task> beyond = t.service.list(org, base.withPage(new PageRequest(4, 5)));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalCount()).isEqualTo(12);
        Page<Task> filtered = t.service.list(org, base.withStatuses(List.of(TaskStatus.COMPLETED))
                .withPage(new PageRequest(1, 2)));
        assertThat(filtered.totalCount()).isEqualTo(3);
        assertThat(filtered.items()).hasSize(2);
        assertThat(filtered.hasNext()).isTrue();
    }
}
