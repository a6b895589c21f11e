package io.skyvern.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.browser.TabInfo;

import java.util.List;
import java.util.Map;

/**
 * What the model is told at one step. {@code maskedPayload} has secrets as placeholders; the
 * element tree, the history, the notes and the page events are already redacted: nothing here may
 * hold a real secret.
 *
 * @param history    earlier steps with their actions and results ({@link RunHistory#renderSteps()}), or empty
 * @param notes      the notes the model kept ({@link RunHistory#renderNotes()}), or empty
 * @param pageEvents what the page did since the last step's actions (dialogs, tabs opened), one sentence each
 * @param tabs       the open tabs, the current one marked (listed only when there is more than one)
 */
public record StepContext(String navigationGoal, String dataExtractionGoal, JsonNode maskedPayload,
                          Map<String, String> errorCodeMapping, String currentUrl, String pageTitle,
                          String elementTree, String history, String notes, List<String> pageEvents,
                          List<TabInfo> tabs, int stepNumber, int maxSteps) {
    public StepContext {
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        history = history == null ? "" : history;
        notes = notes == null ? "" : notes;
        pageEvents = List.copyOf(pageEvents == null ? List.of() : pageEvents);
        tabs = List.copyOf(tabs == null ? List.of() : tabs);
    }
}
