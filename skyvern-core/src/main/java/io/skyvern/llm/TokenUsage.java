package io.skyvern.llm;

/**
 * The tokens of one answer as the provider reported them, or, when it reported none (no usage
 * object, or zeros, as some local OpenAI-compatible servers answer), counted with {@link TokenCounter}:
 * the request's text as input, the answer as output. Images are not counted then, so the count is
 * a floor; a step's record never says 0 tokens for a call that was made.
 */
record TokenUsage(long input, long output) {
    static TokenUsage reportedOrCounted(long reportedIn, long reportedOut, LlmRequest request, String answer) {
        if (reportedIn > 0 || reportedOut > 0) {
            return new TokenUsage(reportedIn, reportedOut);
        }
        TokenCounter counter = TokenCounter.o200k();
        return new TokenUsage(counter.count(request.messages()), counter.count(answer));
    }
}
