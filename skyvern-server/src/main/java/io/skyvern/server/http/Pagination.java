package io.skyvern.server.http;

import io.skyvern.common.Page;

/** The specification's pagination block of list responses. */
public record Pagination(int page, int pageSize, long totalCount, long totalPages, boolean hasNext,
                         boolean hasPrev) {
    public static Pagination of(Page<?> page) {
        return new Pagination(page.page(), page.pageSize(), page.totalCount(), page.totalPages(), page.hasNext(),
                page.hasPrev());
    }
}
