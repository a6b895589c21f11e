/**
 * Makes runs happen: the executor a worker calls for a claimed task (browser session, agent loop,
 * recording of steps, actions, artifacts and logs, final status, webhook), the dispatcher over run
 * kinds, the registry of runs in flight that cancellation reaches, and lazy holders that start the
 * browser and the LLM client only when the first run needs them.
 */
package io.skyvern.execution;
