/**
 * The durable run queue on the database ({@link io.skyvern.queue.RunQueue}, implemented in
 * {@code persistence.JdbiRunQueue}): priorities, claims by conditional update
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), per-organisation concurrency limits, leases
 * renewed by heartbeats and recovery of runs whose worker died. {@link io.skyvern.queue.WorkerPool}
 * runs a node's workers over it and hands each claimed run to a {@link io.skyvern.queue.RunExecutor}.
 */
package io.skyvern.queue;
