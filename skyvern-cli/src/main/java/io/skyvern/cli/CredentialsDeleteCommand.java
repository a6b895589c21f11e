package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

/** {@code credentials delete ID}: queued tasks that name it fail. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a credential (queued tasks that sign in with it fail).")
final class CredentialsDeleteCommand extends ClientCommand {
    @Parameters(paramLabel = "CREDENTIAL_ID", description = "The credential's id (cred_…).")
    String credentialId;

    @Override
    int run(SkyvernClient client) {
        client.deleteCredential(credentialId);
        if (json()) {
            Output.json(out(), Map.of("credential_id", credentialId, "deleted", true));
        } else {
            out().println(credentialId + " deleted");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
