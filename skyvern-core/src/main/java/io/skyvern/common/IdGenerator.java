package io.skyvern.common;

/**
 * Makes identifiers of the form {@code prefix_XXXXXXXXXXXXXXXXXXXXXXXX}. Injected so that tests
 * can make them predictable; the default ({@link TimeOrderedIdGenerator}) sorts by creation time,
 * which keeps B-tree inserts at the right edge of the index.
 */
@FunctionalInterface
public interface IdGenerator {
    String next(IdPrefix prefix);
}
