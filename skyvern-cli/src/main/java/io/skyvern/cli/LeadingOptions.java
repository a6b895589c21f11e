package io.skyvern.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lets the connection options and {@code --json} come before the command as well as after it
 * ({@code skyvern-cli --server U --api-key K tasks list}): those found before the first command
 * word are moved to the end, where the command's own options are parsed. Everything else is left
 * as typed, so a mistake is still reported by picocli.
 */
final class LeadingOptions {
    private static final Set<String> WITH_VALUE = Set.of("--server", "--api-key", "--data-dir", "--database-url");
    private static final Set<String> FLAGS = Set.of("--json");

    private LeadingOptions() {
    }

    static String[] moveToEnd(String[] args) {
        List<String> kept = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        int i = 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (WITH_VALUE.contains(name)) {
                moved.add(arg);
                if (!arg.contains("=") && i + 1 < args.length) {
                    moved.add(args[++i]);
                }
            } else if (FLAGS.contains(arg)) {
                moved.add(arg);
            } else if (arg.equals("--debug")) {
                kept.add(arg);  // a root option: valid anywhere
            } else {
                break;
            }
        }
        if (moved.isEmpty() || i >= args.length) {
            return args;
        }
        List<String> result = new ArrayList<>(kept);
        result.addAll(List.of(args).subList(i, args.length));
        result.addAll(moved);
        return result.toArray(String[]::new);
    }
}
