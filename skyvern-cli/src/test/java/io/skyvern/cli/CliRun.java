package io.skyvern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The CLI run in-process with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SkyvernCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For runs that a test watches while they go: stderr is readable at any time. */
    static CliRun of(StringWriter liveErr, String... args) {
        StringWriter out = new StringWriter();
        int code = SkyvernCli.execute(new PrintWriter(out, true), new PrintWriter(liveErr, true), args);
        return new CliRun(code, out.toString(), liveErr.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
