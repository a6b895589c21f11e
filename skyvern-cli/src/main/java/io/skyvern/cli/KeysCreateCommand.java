package io.skyvern.cli;

import io.skyvern.auth.CreatedApiKey;
import io.skyvern.client.SkyvernClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code keys create [--name N]}: the plaintext key is printed this once. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an API key (shown once).")
final class KeysCreateCommand extends ClientCommand {
    @Option(names = "--name", defaultValue = "api key", paramLabel = "NAME", description = "A label for the key.")
    String name;

    @Override
    int run(SkyvernClient client) {
        CreatedApiKey created = client.createApiKey(name);
        if (json()) {
            Output.json(out(), view(created));
        } else {
            out().println("api_key_id: " + created.apiKey().apiKeyId());
            out().println("api_key: " + created.plaintextKey());
            out().println("(the key is shown only now; store it safely)");
            out().flush();
        }
        return ExitCodes.OK;
    }

    /** The key as the API answers its creation: the key's fields plus the plaintext {@code api_key}. */
    static Map<String, Object> view(CreatedApiKey created) {
        Map<String, Object> key = new LinkedHashMap<>(Output.mapper().convertValue(created.apiKey(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                }));
        key.put("api_key", created.plaintextKey());
        return key;
    }
}
