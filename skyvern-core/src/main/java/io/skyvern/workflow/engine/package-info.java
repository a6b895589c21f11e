/**
 * The workflow execution engine: walks a run's block graph, renders block parameters with Jinja
 * templates, runs each block (agent, code, HTTP, LLM prompt, wait, loop, condition) on one
 * browser session shared by the run, and reports block runs through {@link
 * io.skyvern.workflow.engine.BlockRunRecorder}.
 */
package io.skyvern.workflow.engine;
