/**
 * The LLM client layer of the agent: {@link io.skyvern.llm.LlmClient} sends messages (text and
 * screenshots) and returns text with token usage and cost. Two adapters over {@code java.net.http}:
 * {@link io.skyvern.llm.OpenAiCompatibleClient} (OpenAI, Ollama, vLLM, LM Studio, OpenRouter, Groq,
 * Gemini's compatible endpoint…) and {@link io.skyvern.llm.AnthropicClient} (Messages API), both
 * retrying transient failures with backoff. {@link io.skyvern.llm.LlmClients} picks one from the
 * configuration; {@link io.skyvern.llm.LlmJson} digs the JSON out of a model's answer. API keys never
 * appear in exception messages or logs.
 */
package io.skyvern.llm;
