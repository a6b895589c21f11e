package io.skyvern.examples;

import io.skyvern.Skyvern;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.server.ServerConfig;
import io.skyvern.server.SkyvernServer;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the Skyvern REST server inside an application: the library instance and the HTTP server
 * live in your process and stop with it.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java@embedded-server [-Dexec.args=8000]
 * </pre>
 */
public final class EmbeddedServerExample {
    private EmbeddedServerExample() {
    }

    /** A running embedded server; closing it stops the server, then the library. */
    public record Running(Skyvern skyvern, SkyvernServer server) implements AutoCloseable {
        public String url() {
            return "http://127.0.0.1:" + server.port();
        }

        @Override
        public void close() {
            server.close();
            skyvern.close();
        }
    }

    /** Opens Skyvern with {@code config} and serves it as {@code serverConfig} says (port 0 = any free port). */
    public static Running start(SkyvernConfig config, ServerConfig serverConfig) {
        Skyvern skyvern = Skyvern.create(config);
        try {
            return new Running(skyvern, SkyvernServer.start(skyvern, serverConfig));
        } catch (RuntimeException e) {
            skyvern.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : ServerConfig.DEFAULT_PORT;
        Running running = start(SkyvernConfig.defaults(), ServerConfig.fromEnvironment(System.getenv()).withPort(port));
        System.out.println("Skyvern is serving on " + running.url());
        running.server().credentialsFile()
                .ifPresent(file -> System.out.println("First start: the bootstrap API key is in " + file));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
