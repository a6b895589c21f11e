/**
 * What every feature shares: identifiers, the error model ({@link io.skyvern.common.SkyvernException}
 * with an {@link io.skyvern.common.ErrorCode}), paging and the JSON conventions.
 *
 * <p>Records in the public API use {@code null} only for optional scalar fields that the API
 * specification itself leaves empty (a task's title, a completion time); lookups return
 * {@code Optional} and collections are never null.
 */
package io.skyvern.common;
