package io.skyvern.common;

/** A 1-based page number and a page size between 1 and {@link #MAX_PAGE_SIZE}. */
public record PageRequest(int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    public PageRequest {
        if (page < 1) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR, "page must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PAGE_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
