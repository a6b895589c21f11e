package io.skyvern.cli;

import io.skyvern.client.SkyvernClient;
import io.skyvern.totp.PushedCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code totp push IDENTIFIER CODE} or {@code totp push IDENTIFIER --content TEXT}: a run waiting
 * on {@code {{totp}}} with this totp_identifier takes it (once; it expires after 10 minutes).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push a one-time code (or the text of the email/SMS with --content) for a totp_identifier.")
final class TotpPushCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "IDENTIFIER", description = "The email address or phone number.")
    String identifier;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CODE", description = "The code.")
    String code;

    @Option(names = "--content", paramLabel = "TEXT", description = "The message the code came in, instead of CODE.")
    String content;

    @Override
    int run(SkyvernClient client) {
        if ((code == null) == (content == null)) {
            throw new UsageException("Give either CODE or --content TEXT");
        }
        PushedCode pushed = client.pushTotpCode(identifier, code, content);
        if (json()) {
            Output.json(out(), pushed);
        } else {
            out().println("code stored for " + pushed.totpIdentifier() + " until " + pushed.expiresAt());
            out().flush();
        }
        return ExitCodes.OK;
    }
}
