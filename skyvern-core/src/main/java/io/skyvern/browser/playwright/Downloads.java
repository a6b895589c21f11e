package io.skyvern.browser.playwright;

import com.microsoft.playwright.Download;
import io.skyvern.browser.BrowserActionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves Playwright downloads under safe, unique names. Lane thread only. */
final class Downloads {
    private Downloads() {
    }

    /** Waits for {@code download} to finish and saves it in {@code dir}; returns the file. */
    static Path save(Download download, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BrowserActionException("Cannot create download directory: " + e.getMessage(), e);
        }
        Path target = uniqueTarget(dir, safeName(download.suggestedFilename()));
        download.saveAs(target);
        return target;
    }

    static String safeName(String suggested) {
        String s = suggested == null ? "" : suggested;
        String name = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isEmpty() || name.chars().allMatch(c -> c == '.') ? "download" : name;
    }

    private static Path uniqueTarget(Path dir, String name) {
        Path target = dir.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(i + "-" + name);
        }
        return target;
    }
}
