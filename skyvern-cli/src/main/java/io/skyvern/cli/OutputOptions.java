package io.skyvern.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output on stdout instead of text. */
final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
}
