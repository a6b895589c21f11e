package io.skyvern.task;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.Page;
import io.skyvern.common.PageRequest;
import io.skyvern.common.SkyvernException;
import io.skyvern.common.SortOrder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskQueryTest {

    @Test
    void defaults_are_newest_first_page_one_of_twenty() {
        TaskQuery q = TaskQuery.defaults();
        assertThat(q.statuses()).isEmpty();
        assertThat(q.sortBy()).isEqualTo(TaskSortField.CREATED_AT);
        assertThat(q.sortOrder()).isEqualTo(SortOrder.DESC);
        assertThat(q.page()).isEqualTo(new PageRequest(1, 20));
        assertThat(q.search()).isEmpty();
    }

    @Test
    void withers_change_only_their_part() {
        Instant a = Instant.parse("2026-01-01T00:00:00Z");
        TaskQuery q = TaskQuery.defaults().withStatuses(List.of(TaskStatus.QUEUED, TaskStatus.RUNNING))
                .withSort(TaskSortField.URL, SortOrder.ASC).withPage(new PageRequest(3, 5))
                .withSearch("Invoice").withCreatedRange(a, null);
        assertThat(q.statuses()).containsExactlyInAnyOrder(TaskStatus.QUEUED, TaskStatus.RUNNING);
        assertThat(q.sortBy()).isEqualTo(TaskSortField.URL);
        assertThat(q.sortOrder()).isEqualTo(SortOrder.ASC);
        assertThat(q.page().offset()).isEqualTo(10);
        assertThat(q.search()).contains("Invoice");
        assertThat(q.createdAfter()).contains(a);
        assertThat(q.createdBefore()).isEmpty();
    }

    @Test
    void page_math_counts_pages_and_neighbours() {
        PageRequest third = new PageRequest(3, 10);
        Page<String> p = Page.of(List.of("x"), third, 21);
        assertThat(p.totalPages()).isEqualTo(3);
        assertThat(p.hasNext()).isFalse();
        assertThat(p.hasPrev()).isTrue();
        Page<String> first = Page.of(List.of("x"), new PageRequest(1, 10), 21);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrev()).isFalse();
        assertThat(Page.of(List.of(), new PageRequest(1, 10), 0).totalPages()).isZero();
        assertThat(Page.of(List.of(), new PageRequest(1, 10), 20).totalPages()).isEqualTo(2);
        assertThat(first.map(String::length).items()).containsExactly(1);
    }

    @Test
    void page_size_is_between_1_and_100_and_page_at_least_1() {
        new PageRequest(1, 100);
        for (int[] bad : new int[][]{{0, 10}, {1, 0}, {1, 101}}) {
            assertThatThrownBy(() -> new PageRequest(bad[0], bad[1])).isInstanceOf(SkyvernException.class)
                    .extracting(e -> ((SkyvernException) e).errorCode()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        }
    }

    @Test
    void sort_fields_parse_from_wire_names() {
        for (TaskSortField f : TaskSortField.values()) {
            assertThat(TaskSortField.parse(f.wireName())).isEqualTo(f);
        }
        assertThatThrownBy(() -> TaskSortField.parse("priority")).isInstanceOf(SkyvernException.class);
    }

    @Test
    void dates_outside_what_the_databases_can_compare_are_a_validation_error() {
        assertThatThrownBy(() -> TaskQuery.defaults().withCreatedRange(null, java.time.Instant.parse("-999999999-01-01T00:00:00Z")))
                .isInstanceOf(io.skyvern.common.SkyvernException.class)
                .hasMessageContaining("created_before must be between years 1 and 9999");
        assertThatThrownBy(() -> TaskQuery.defaults().withCreatedRange(java.time.Instant.parse("+10000-01-01T00:00:00Z"), null))
                .hasMessageContaining("created_after");
        assertThat(TaskQuery.defaults().withCreatedRange(java.time.Instant.parse("2026-01-01T00:00:00Z"), null)
                .createdAfter()).isPresent();
    }
}
