package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.credential.Credential;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code credentials list}: metadata only. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List credentials (metadata only).")
final class CredentialsListCommand extends ClientCommand {
    @Override
    int run(SkyvernClient client) {
        List<Credential> credentials = client.listCredentials();
        if (json()) {
            Output.json(out(), credentials);
            return ExitCodes.OK;
        }
        Output.table(out(), List.of("CREDENTIAL_ID", "NAME", "TOTP", "ALLOWED_DOMAINS"), credentials.stream()
                .map(c -> List.of(c.credentialId(), c.name(), c.hasTotp() ? "yes" : "no",
                        c.allowedDomains().isEmpty() ? "-" : String.join(",", c.allowedDomains()))).toList());
        return ExitCodes.OK;
    }
}
