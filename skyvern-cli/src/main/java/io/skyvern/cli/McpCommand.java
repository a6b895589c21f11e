package io.skyvern.cli;

import io.modelcontextprotocol.server.McpSyncServer;
import io.skyvern.client.SkyvernClient;
import io.skyvern.mcp.SkyvernMcpServers;
import picocli.CommandLine.Command;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mcp}: Skyvern's MCP tools over stdio, for an AI assistant that starts this process.
 * In-process it executes the runs itself; with {@code --server} it acts through that server.
 * Stdout carries the protocol only (logs go to stderr); it serves until stdin closes.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve Skyvern's MCP tools over stdio (run_task, get_task, list_tasks, cancel_task, "
                + "list_workflows, run_workflow, get_workflow_run).")
final class McpCommand extends ClientCommand {
    @Override
    int run(SkyvernClient client) throws Exception {
        CountDownLatch stdinClosed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    stdinClosed.countDown();
                }
                return n;
            }
        };
        PrintStream protocol = System.out;
        McpSyncServer server = SkyvernMcpServers.stdio(client, in, protocol);
        try {
            stdinClosed.await();
        } finally {
            server.closeGracefully();
        }
        return ExitCodes.OK;
    }

    @Override
    boolean executesRuns() {
        return true;
    }
}
