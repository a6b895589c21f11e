package io.skyvern.cli;

import io.skyvern.Skyvern;
import io.skyvern.client.SkyvernClient;

import java.util.Optional;

/** A client and, in-process, the Skyvern instance behind it, closed together. */
final class ClientSession implements AutoCloseable {
    private final SkyvernClient client;
    private final Skyvern skyvern;

    private ClientSession(SkyvernClient client, Skyvern skyvern) {
        this.client = client;
        this.skyvern = skyvern;
    }

    static ClientSession remote(SkyvernClient client) {
        return new ClientSession(client, null);
    }

    static ClientSession local(Skyvern skyvern, SkyvernClient client) {
        return new ClientSession(client, skyvern);
    }

    SkyvernClient client() {
        return client;
    }

    Optional<Skyvern> local() {
        return Optional.ofNullable(skyvern);
    }

    @Override
    public void close() {
        if (skyvern != null) {
            skyvern.close();
        }
    }
}
