/**
 * The agent: the step loop that snapshots the page, asks the model for actions, executes them and
 * records the step; the sealed {@link io.skyvern.agent.Action} types; prompt building; parsing of
 * the model's answers; protection of secrets in the user data; extraction.
 */
package io.skyvern.agent;
