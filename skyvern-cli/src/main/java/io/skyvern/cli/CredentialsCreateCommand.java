package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.credential.Credential;
import io.skyvern.credential.NewCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code credentials create --name N --username U (--password-env VAR | --password-file F)
 * [--totp-secret-env VAR | --totp-secret-file F] [--allowed-domain D]…}: secrets come from the
 * environment or a file, never from the command line.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Store a credential; the password (and TOTP secret) come from an environment variable or a file.")
final class CredentialsCreateCommand extends ClientCommand {
    @Option(names = "--name", required = true, paramLabel = "NAME", description = "A label, e.g. the site.")
    String name;

    @Option(names = "--username", required = true, paramLabel = "USER", description = "The login name.")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "SKYVERN_CREDENTIAL_PASSWORD",
            description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password.")
    Path passwordFile;

    @Option(names = "--totp-secret-env", paramLabel = "VAR", description = "Environment variable holding the Base32 TOTP secret.")
    String totpEnv;

    @Option(names = "--totp-secret-file", paramLabel = "FILE", description = "File holding the Base32 TOTP secret.")
    Path totpFile;

    @Option(names = "--allowed-domain", paramLabel = "DOMAIN",
            description = "Type the secrets only on this domain and its subdomains (repeatable).")
    List<String> allowedDomains = new ArrayList<>();

    @Override
    int run(SkyvernClient client) {
        String password = SecretSource.read("password", passwordFile, passwordFile == null ? passwordEnv : null,
                System.getenv()).orElseThrow();
        var totp = SecretSource.read("TOTP secret", totpFile, totpFile == null ? totpEnv : null, System.getenv());
        Credential created = client.createCredential(new NewCredential(name, username, password, totp, allowedDomains));
        if (json()) {
            Output.json(out(), created);
        } else {
            out().println("credential_id: " + created.credentialId());
            out().println("name: " + created.name() + (created.hasTotp() ? " (with TOTP)" : ""));
            if (!created.allowedDomains().isEmpty()) {
                out().println("allowed_domains: " + String.join(", ", created.allowedDomains()));
            }
            out().flush();
        }
        return ExitCodes.OK;
    }
}
