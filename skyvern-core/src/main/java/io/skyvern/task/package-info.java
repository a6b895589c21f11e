/**
 * Tasks: the request (URL, goals, payload, schema), its validation, its status life cycle
 * ({@link io.skyvern.task.TaskStatus} holds the one transition table), steps and actions, and the
 * in-process service.
 */
package io.skyvern.task;
