/** The /api/v1/tasks endpoints: request bodies, response DTOs and thin handlers over TaskService. */
package io.skyvern.server.task;
