/**
 * {@code skyvern-cli demo}'s moving parts: a tiny bookshop site and an OpenAI-compatible server
 * that replays a recorded LLM conversation, both on loopback, so a task runs end to end without
 * an LLM key or the internet.
 */
package io.skyvern.cli.demo;
