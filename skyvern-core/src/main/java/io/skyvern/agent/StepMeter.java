package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.browser.SettleReport;
import io.skyvern.llm.LlmResponse;

/** Tokens, cost and timings of one step as it runs. Confined to the thread running the step. */
final class StepMeter {
    private long inputTokens;
    private long outputTokens;
    private double cost;
    private long llmMs;
    private long snapshotMs;
    private long actionMs;
    private SettleReport settle = SettleReport.NONE;
    private long imageBytes;

    void llmCall(LlmResponse response, long millis) {
        add(response.inputTokens(), response.outputTokens(), response.cost());
        llmMs += millis;
    }

    void add(long in, long out, double addedCost) {
        inputTokens += in;
        outputTokens += out;
        cost += addedCost;
    }

    void llmMillis(long millis) {
        llmMs += millis;
    }

    void snapshot(long millis, SettleReport report) {
        snapshotMs += millis;
        settle = report;
    }

    /** An image sent to the model (the set-of-marks screenshot), counted in the step's record. */
    void image(long bytes) {
        imageBytes += bytes;
    }

    void action(long millis) {
        actionMs += millis;
    }

    StepResult result(boolean completed, String failureReason, JsonNode output, boolean stopped, String mode) {
        return new StepResult(completed, failureReason, inputTokens, outputTokens, cost, llmMs, snapshotMs, actionMs,
                output, settle.waitedMs(), settle.waitedFor(), stopped, mode, imageBytes);
    }
}
