package io.skyvern.cli;

import io.skyvern.auth.CreatedOrganization;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code org create NAME}: a new organisation and its first API key (bootstrap organisation only). */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an organisation and its first API key (needs the bootstrap organisation's key).")
final class OrgCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "The organisation's name.")
    String name;

    @Override
    int run(SkyvernClient client) {
        CreatedOrganization created = client.createOrganization(name);
        if (json()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organization", created.organization());
            data.put("api_key", KeysCreateCommand.view(created.firstKey()));
            Output.json(out(), data);
        } else {
            out().println("organization_id: " + created.organization().organizationId());
            out().println("name: " + created.organization().name());
            out().println("api_key_id: " + created.firstKey().apiKey().apiKeyId());
            out().println("api_key: " + created.firstKey().plaintextKey());
            out().println("(the key is shown only now; store it safely)");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
