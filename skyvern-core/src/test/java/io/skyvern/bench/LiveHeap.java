package io.skyvern.bench;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live objects by class in this JVM (what {@code jcmd PID GC.class_histogram} prints, through the
 * DiagnosticCommand MBean; it runs a full GC first), and the classes that grew most between two
 * histograms: where a growing heap went. Benchmark support.
 */
final class LiveHeap {
    private LiveHeap() {
    }

    /** Bytes of live objects per class name; empty when the JVM does not offer the command. */
    static Map<String, Long> histogram() {
        Map<String, Long> bytes = new HashMap<>();
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[]{new String[0]}, new String[]{String[].class.getName()});
            for (String line : text.toString().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                }
            }
        } catch (Exception e) {
            System.out.println("(no class histogram: " + e + ")");
        }
        return bytes;
    }

    /** Prints the {@code top} classes whose live bytes grew most from {@code before} to {@code after}. */
    static void printGrowth(Map<String, Long> before, Map<String, Long> after, int top) {
        List<Map.Entry<String, Long>> grown = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top).toList();
        for (Map.Entry<String, Long> e : grown) {
            System.out.printf(Locale.ROOT, "%10.0f %10.0f %+10.0f  %s%n", before.getOrDefault(e.getKey(), 0L) / 1024.0,
                    after.get(e.getKey()) / 1024.0, e.getValue() / 1024.0, e.getKey());
        }
    }
}
