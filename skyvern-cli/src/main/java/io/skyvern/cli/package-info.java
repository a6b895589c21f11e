/**
 * The {@code skyvern-cli} command line tool (picocli): one class per subcommand, named parent plus
 * verb, shared options as mixins, every command through {@link io.skyvern.client.SkyvernClient}
 * (in-process by default, remote with {@code --server}). Results go to stdout, progress and errors
 * to stderr; exit codes are in {@link io.skyvern.cli.ExitCodes}.
 */
package io.skyvern.cli;
