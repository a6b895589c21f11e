package io.skyvern.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a list with the counts a client needs to page through it. */
public record Page<T>(List<T> items, int page, int pageSize, long totalCount) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalCount) {
        return new Page<>(items, request.page(), request.pageSize(), totalCount);
    }

    public long totalPages() {
        return (totalCount + pageSize - 1) / pageSize;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public boolean hasPrev() {
        return page > 1;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, pageSize, totalCount);
    }
}
