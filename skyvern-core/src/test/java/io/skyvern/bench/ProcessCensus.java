package io.skyvern.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * This JVM's descendants by name, and the JVM's own RSS and open file descriptors, from /proc. A
 * process matches a name by its command name ({@code /proc/PID/comm}: {@code chromium} for every
 * Chromium process, including the zygote's children, which rewrite their argv) or by the file name
 * of its program (argv[0]: the Playwright driver is {@code node}, but its comm is its main
 * thread's name, {@code MainThread}). Linux only; benchmark support.
 */
final class ProcessCensus {
    private ProcessCensus() {
    }

    /** Live descendants of this JVM whose program name starts with {@code prefix}. */
    static int descendantsNamed(String prefix) {
        int n = 0;
        for (long pid : descendants()) {
            if (comm(pid).startsWith(prefix) || program(pid).startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    /** Chromium processes of this JVM (browser, zygotes, GPU, utility and renderer processes). */
    static int chromiumProcesses() {
        return descendantsNamed("chromium") + descendantsNamed("chrome");
    }

    /** Kilobytes resident in this JVM (VmRSS), -1 when unreadable. */
    static long selfRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** File descriptors this JVM holds open (sockets, files, pipes to the driver), -1 when unreadable. */
    static int selfOpenFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** This JVM's live descendants (not zombies), from the parent ids in /proc/PID/stat. */
    static List<Long> descendants() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (!after[0].equals("Z")) {  // a zombie has exited: not live
                        children.computeIfAbsent(Long.parseLong(after[1]), k -> new ArrayList<>())
                                .add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException ignored) {
                    // the process ended while we looked
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(children.getOrDefault(ProcessHandle.current().pid(), List.of()));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            out.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String program(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0 && cmdline[end] != ' ') {
                end++;
            }
            String argv0 = new String(cmdline, 0, end, java.nio.charset.StandardCharsets.UTF_8);
            return argv0.substring(argv0.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return "";
        }
    }
}
