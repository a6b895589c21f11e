/** /api/v1/scripts, a task's script and its export as Java: parse, call the script and task services, map to DTOs. */
package io.skyvern.server.script;
