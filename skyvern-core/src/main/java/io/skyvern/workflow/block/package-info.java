/**
 * The block types of a workflow definition as parsed, still raw: every templated parameter is kept
 * as written and rendered only when the block runs ({@code io.skyvern.workflow.engine}).
 */
package io.skyvern.workflow.block;
