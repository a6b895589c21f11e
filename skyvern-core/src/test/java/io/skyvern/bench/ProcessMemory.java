package io.skyvern.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of this JVM and every process it started (the Playwright driver and the Chromium
 * processes), from /proc: PSS where smaps_rollup is readable (shared pages counted once, in
 * shares), else RSS. Linux only.
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Kilobytes of this JVM and its live descendants. */
    static long treeKb() {
        long total = kb(ProcessHandle.current().pid());
        for (long pid : ProcessCensus.descendants()) {
            total += kb(pid);
        }
        return total;
    }

    private static long kb(long pid) {
        for (String file : List.of("smaps_rollup", "status")) {
            String key = file.equals("status") ? "VmRSS:" : "Pss:";
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not readable: try the next source
            }
        }
        return 0;
    }

    /** Samples {@link #treeKb()} in the background and keeps the peak. */
    static final class PeakSampler implements AutoCloseable {
        private volatile long peak;
        private volatile boolean running = true;
        private final Thread thread;

        PeakSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, treeKb());
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peakKb() {
            return peak;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
