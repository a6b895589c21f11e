package io.skyvern.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Finds a busy port before anything is created (database, bootstrap organisation, workers), so
 * that a second start on the same port fails with one line and leaves nothing behind.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** The one-line message when {@code host:port} cannot be bound now; empty when it can (or port is 0). */
    static Optional<String> busy(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(message(host, port));
        }
    }

    static String message(String host, int port) {
        return "port " + port + " on " + host + " is already in use; stop the process using it or choose "
                + "another port with --port N (or SKYVERN_PORT)";
    }

    /** True when {@code e} (or a cause) is a failure to bind the listening socket. */
    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Failed to bind")) {
                return true;
            }
        }
        return false;
    }
}
