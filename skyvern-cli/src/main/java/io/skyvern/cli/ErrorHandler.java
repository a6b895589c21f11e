package io.skyvern.cli;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one place where failures become messages and exit statuses: bad flags and configuration are
 * {@link ExitCodes#USAGE}, everything else {@link ExitCodes#FAILED}. A stack trace is printed only
 * with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Errors that mean "fix your command line or your settings", not "the operation failed". */
    private static final Set<ErrorCode> USAGE_CODES = EnumSet.of(ErrorCode.CONFIGURATION_ERROR,
            ErrorCode.LLM_NOT_CONFIGURED, ErrorCode.UNAUTHORIZED, ErrorCode.VALIDATION_ERROR,
            ErrorCode.VALIDATION_FAILED, ErrorCode.WORKFLOW_VALIDATION_FAILED, ErrorCode.PARAMETER_VALIDATION_FAILED,
            ErrorCode.BAD_REQUEST);

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("skyvern-cli: " + firstLine(ex.getMessage()));
        List<String> close = closeSuggestions(ex);
        if (!close.isEmpty()) {
            err.println("Did you mean: " + String.join(" or ", close) + "?");
        } else {
            err.print("Usage: " + cmd.getHelp().synopsis("Usage: ".length()));
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int status;
        if (ex instanceof SkyvernException) {
            SkyvernException e = (SkyvernException) ex;
            err.println("skyvern-cli: " + firstLine(e.reason()));
            e.errors().stream().filter(line -> !line.equals(e.reason())).forEach(line -> err.println("  - " + line));
            status = USAGE_CODES.contains(e.errorCode()) ? ExitCodes.USAGE : ExitCodes.FAILED;
        } else if (ex instanceof UsageException) {
            err.println("skyvern-cli: " + firstLine(ex.getMessage()));
            status = ExitCodes.USAGE;
        } else {
            err.println("skyvern-cli: unexpected error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + firstLine(ex.getMessage()))
                    + (debug(parseResult) ? "" : " (run with --debug for details)"));
            status = ExitCodes.FAILED;
        }
        if (debug(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /**
     * picocli's suggestions for an unknown word, keeping only the ones that look like it (a shared
     * prefix or a typo or two away): {@code skyvern-cli foo} suggests nothing rather than {@code completion}.
     */
    static List<String> closeSuggestions(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return List.of();
        }
        String typed = u.getUnmatched().get(0).replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT);
        return u.getSuggestions().stream().filter(s -> looksLike(typed,
                s.replaceFirst("^-+", "").toLowerCase(java.util.Locale.ROOT))).limit(3).toList();
    }

    private static boolean looksLike(String typed, String candidate) {
        if (typed.length() >= 3 && (candidate.startsWith(typed) || typed.startsWith(candidate))) {
            return true;
        }
        return distance(typed, candidate) <= Math.max(1, Math.min(2, candidate.length() / 3));
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static boolean debug(CommandLine.ParseResult parseResult) {
        return parseResult != null && parseResult.expandedArgs().contains("--debug");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
