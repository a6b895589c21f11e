/** The execution log of tasks and workflow runs, stored with them and served by the API. */
package io.skyvern.runlog;
