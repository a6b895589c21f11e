/** Response DTOs shared by several endpoint groups (artifacts, log lines). */
package io.skyvern.server.common;
