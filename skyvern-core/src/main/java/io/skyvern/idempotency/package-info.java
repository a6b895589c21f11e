/**
 * Idempotent creates: a client-chosen {@code Idempotency-Key} stored in the database per
 * organisation, so that a create retried after a timeout, or sent twice at once to two nodes,
 * makes one object and the repeat gets the first answer back.
 */
package io.skyvern.idempotency;
