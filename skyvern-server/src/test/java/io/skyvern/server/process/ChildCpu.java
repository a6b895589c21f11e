package io.skyvern.server.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of its exited children (the server processes with their browsers, once
 * each level has reaped the one below), from {@code /proc/self/stat}. A machine-independent figure:
 * on a shared machine the wall time says more about the neighbours than about the test.
 */
final class ChildCpu {
    private static final long TICKS_PER_SECOND = 100;   // USER_HZ on every Linux we run on

    private ChildCpu() {
    }

    /** Prints "own X s, children Y s"; nothing where there is no /proc. */
    static void print(String prefix) {
        Path stat = Path.of("/proc/self/stat");
        if (!Files.isReadable(stat)) {
            return;
        }
        try {
            String text = Files.readString(stat);
            // Fields after the command name (which may contain spaces) start at state, field 3.
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            double own = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
            double children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) / (double) TICKS_PER_SECOND;
            System.out.printf("%s CPU time: test JVM %.1f s, server processes with their browsers %.1f s%n",
                    prefix, own, children);
        } catch (IOException | RuntimeException e) {
            System.out.println(prefix + " CPU time unavailable: " + e);
        }
    }
}
