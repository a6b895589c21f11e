package io.skyvern.server.http;

import java.util.List;

/** Parameters several operations share. */
public final class Params {
    public static final Param IDEMPOTENCY_KEY = Param.header("Idempotency-Key", "Repeats with the same key and "
            + "body within 24 h return the first answer (Idempotent-Replayed: true) and create nothing; another body "
            + "is 422 IDEMPOTENCY_KEY_REUSED; 409 IDEMPOTENCY_KEY_IN_USE while the first is still creating");
    public static final List<Param> PAGE = List.of(Param.query("page", "integer", "Page number (1-based)"),
            Param.query("page_size", "integer", "Items per page (1..100)"));

    private Params() {
    }
}
