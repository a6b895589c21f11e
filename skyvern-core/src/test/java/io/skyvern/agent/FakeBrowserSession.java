package io.skyvern.agent;

import io.skyvern.browser.BrowserActionException;
import io.skyvern.browser.BrowserEvent;
import io.skyvern.browser.BrowserSession;
import io.skyvern.browser.DialogResponse;
import io.skyvern.browser.OptionChoice;
import io.skyvern.browser.PageSnapshot;
import io.skyvern.browser.PageState;
import io.skyvern.browser.SettleReport;
import io.skyvern.browser.TabInfo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A browser session without a browser, for the loop's logic: a page is a URL and a rendered tree;
 * clicks on ids given {@link #onClick reactions} change it (navigate, open a menu, open a tab, show a
 * dialog). Every call is logged in {@link #calls}. Single-threaded, like a run.
 */
final class FakeBrowserSession implements BrowserSession {
    final List<String> calls = new ArrayList<>();
    final Map<String, String> tabs = new LinkedHashMap<>();     // tab id -> url
    private final Map<String, Consumer<FakeBrowserSession>> reactions = new HashMap<>();
    private final List<BrowserEvent> events = new ArrayList<>();
    String current = "t1";
    String tree = "<button id=\"e1\">Go</button>";
    int document = 1;
    int unseen;
    DialogResponse nextDialog = DialogResponse.DEFAULT;

    FakeBrowserSession(String url) {
        tabs.put("t1", url);
    }

    FakeBrowserSession onClick(String elementId, Consumer<FakeBrowserSession> reaction) {
        reactions.put(elementId, reaction);
        return this;
    }

    /** A navigation: new URL, new document, new tree. */
    void goTo(String url, String newTree) {
        tabs.put(current, url);
        tree = newTree;
        document++;
        unseen = 0;
    }

    void openTab(String url, String newTree) {
        String id = "t" + (tabs.size() + 1);
        tabs.put(id, url);
        current = id;
        tree = newTree;
        events.add(new BrowserEvent.TabOpened(id, url, true));
    }

    void dialog(String type, String message) {
        events.add(new BrowserEvent.DialogShown(type, message, nextDialog.accept(), nextDialog.promptText()));
        nextDialog = DialogResponse.DEFAULT;
    }

    @Override public void navigate(String url, boolean settle) { calls.add("navigate " + url); goTo(url, tree); }
    @Override public void settle() { calls.add("settle"); }
    @Override public String currentUrl() { return tabs.get(current); }
    @Override public String title() { return "Fake"; }

    @Override
    public PageSnapshot snapshot() {
        calls.add("snapshot");
        unseen = 0;
        List<TabInfo> list = tabs.entrySet().stream()
                .map(e -> new TabInfo(e.getKey(), e.getValue(), "Fake", e.getKey().equals(current))).toList();
        return new PageSnapshot(currentUrl(), "Fake", List.of(), tree, tree.length(), false, Duration.ofMillis(1), list,
                new SettleReport(3, "dom quiet"));
    }

    @Override public PageState pageState() { return new PageState(current, currentUrl(), "d" + document, unseen); }
    @Override public byte[] screenshot() { return new byte[]{1, 2, 3}; }

    @Override
    public void click(String elementId) {
        calls.add("click " + elementId);
        if (!tree.contains("id=\"" + elementId + "\"")) {
            throw new BrowserActionException("No element with id " + elementId + " on the page");
        }
        reactions.getOrDefault(elementId, s -> { }).accept(this);
    }

    @Override public void fill(String elementId, String text) { calls.add("fill " + elementId + " " + text); }
    @Override public void selectOption(String elementId, OptionChoice choice) { calls.add("select " + elementId); }
    @Override public void setChecked(String elementId, boolean checked) { calls.add("check " + elementId); }
    @Override public void uploadFile(String elementId, Path file) { calls.add("upload " + elementId); }
    @Override public Path download(String elementId, Path dir) { throw new BrowserActionException("no downloads here"); }
    @Override public void hover(String elementId) { calls.add("hover " + elementId); }
    @Override public void scroll(int dx, int dy) { calls.add("scroll " + dy); }
    @Override public void scrollElement(String elementId, int dx, int dy) { calls.add("scroll " + elementId + " " + dy); }
    @Override public void press(String keys) { calls.add("press " + keys); }
    @Override public void press(String elementId, String keys) { calls.add("press " + elementId + " " + keys); }

    @Override
    public List<TabInfo> tabs() {
        return tabs.keySet().stream().map(id -> new TabInfo(id, tabs.get(id), "Fake", id.equals(current))).toList();
    }

    @Override
    public void switchTab(String tabId) {
        if (!tabs.containsKey(tabId)) {
            throw new BrowserActionException("No tab " + tabId);
        }
        calls.add("switch " + tabId);
        current = tabId;
    }

    @Override public void closeTab(String tabId) { calls.add("close " + tabId); tabs.remove(tabId); current = "t1"; }

    @Override
    public List<BrowserEvent> drainEvents() {
        List<BrowserEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    @Override public void answerNextDialog(DialogResponse response) { calls.add("dialog " + response.accept()); nextDialog = response; }
    @Override public void goBack() { calls.add("back"); }
    @Override public void waitFor(Duration duration) { calls.add("wait"); }
    @Override public Object evaluate(String functionBody, Map<String, Object> args) { return null; }
    @Override public java.util.Optional<String> linkTarget(String elementId) { return java.util.Optional.empty(); }
    @Override public List<io.skyvern.browser.ElementBox> visibleBoxes() { return List.of(); }
    @Override public boolean closed() { return false; }
    @Override public void close() { }
}
