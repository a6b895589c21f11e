package io.skyvern.bench;

import io.skyvern.Skyvern;
import io.skyvern.browser.BrowserUsage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * One minute of the agent soak: runs that ended in it, then the state at its end. The heap figure
 * is the live heap after a full collection ({@code System.gc()}, then each heap pool's usage after
 * that collection), the only heap figure whose growth means a leak. The JVM's RSS also grows when
 * the collector commits more heap, which is no leak: RSS minus committed heap is what the JVM
 * holds outside the heap (threads, code, direct buffers). Benchmark support.
 */
record AgentSoakSample(int minute, int completed, int failed, double heapMb, double metaspaceMb,
                       double committedMb, double jvmRssMb, double treeMb, int chromium, int drivers, BrowserUsage usage, int threads, int files,
                       double load) {

    static final String HEADER = String.format(Locale.ROOT,
            "%4s %5s %6s %8s %7s %9s %8s %9s %8s %4s %8s %8s %7s %4s %5s", "min", "done", "failed", "heap MB",
            "meta MB", "commit MB", "JVM RSS", "tree PSS", "chromium", "node", "sessions", "contexts", "threads", "fds",
            "load");

    static AgentSoakSample take(Skyvern skyvern, int minute, int completed, int failed) {
        System.gc();
        long heap = 0;
        long meta = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                heap += pool.getCollectionUsage().getUsed();
            } else if (pool.getName().equals("Metaspace")) {
                meta = pool.getUsage().getUsed();
            }
        }
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return new AgentSoakSample(minute, completed, failed, heap / 1048576.0, meta / 1048576.0,
                committed / 1048576.0, ProcessCensus.selfRssKb() / 1024.0, ProcessMemory.treeKb() / 1024.0,
                ProcessCensus.chromiumProcesses(), ProcessCensus.descendantsNamed("node"), skyvern.browserUsage(),
                ManagementFactory.getThreadMXBean().getThreadCount(), ProcessCensus.selfOpenFiles(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    String row() {
        return String.format(Locale.ROOT, "%4s %5d %6d %8.1f %7.1f %9.0f %8.0f %9.0f %8d %4d %8d %8d %7d %4d %5.1f",
                minute < 0 ? "end" : String.valueOf(minute), completed, failed, heapMb, metaspaceMb, committedMb,
                jvmRssMb, treeMb, chromium, drivers, usage.openSessions(), usage.openContexts(), threads, files, load);
    }
}
