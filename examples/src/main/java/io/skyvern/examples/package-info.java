/**
 * Runnable examples of using Skyvern from an application: an embedded server, a remote client and
 * an in-process task. Each has a {@code main} and a small static method that the smoke tests call.
 */
package io.skyvern.examples;
