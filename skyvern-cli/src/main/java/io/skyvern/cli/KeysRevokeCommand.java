package io.skyvern.cli;

import io.skyvern.auth.ApiKey;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keys revoke ID}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key.")
final class KeysRevokeCommand extends ClientCommand {
    @Parameters(paramLabel = "API_KEY_ID", description = "The key's id (ak_…).")
    String apiKeyId;

    @Override
    int run(SkyvernClient client) {
        ApiKey revoked = client.revokeApiKey(apiKeyId);
        if (json()) {
            Output.json(out(), revoked);
        } else {
            out().println(revoked.apiKeyId() + " revoked at " + revoked.revokedAt());
            out().flush();
        }
        return ExitCodes.OK;
    }
}
