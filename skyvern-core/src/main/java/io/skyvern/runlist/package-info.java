/**
 * The organisation's runs in one list: tasks and workflow runs together, newest first, filtered
 * and paginated by the database (one query, not two lists merged in memory).
 */
package io.skyvern.runlist;
