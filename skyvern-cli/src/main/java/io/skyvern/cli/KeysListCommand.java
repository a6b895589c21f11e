package io.skyvern.cli;

import io.skyvern.auth.ApiKey;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code keys list}: metadata only; keys cannot be read back. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List API keys (metadata only).")
final class KeysListCommand extends ClientCommand {
    @Override
    int run(SkyvernClient client) {
        List<ApiKey> keys = client.listApiKeys();
        if (json()) {
            Output.json(out(), keys);
            return ExitCodes.OK;
        }
        Output.table(out(), List.of("API_KEY_ID", "PREFIX", "NAME", "REVOKED"), keys.stream()
                .map(k -> List.of(k.apiKeyId(), k.keyPrefix(), Output.orDash(k.name()),
                        k.isRevoked() ? k.revokedAt().toString() : "no")).toList());
        return ExitCodes.OK;
    }
}
