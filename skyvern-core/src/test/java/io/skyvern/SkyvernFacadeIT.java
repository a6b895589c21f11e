package io.skyvern;

import io.skyvern.auth.ApiKey;
import io.skyvern.auth.CreatedApiKey;
import io.skyvern.auth.CreatedOrganization;
import io.skyvern.client.LocalSkyvernClient;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkyvernFacadeIT {
    @TempDir
    Path dataDir;

    private SkyvernConfig config() {
        return new SkyvernConfigLoader(Map.of(), dataDir).load(Map.of(ConfigKey.DATA_DIR, dataDir.toString()))
                .withDatabase(TestDatabases.fresh());
    }

    @Test
    void create_opens_and_migrates_the_database_and_close_releases_it() {
        Skyvern skyvern = Skyvern.create(config());
        try {
            assertThat(skyvern.databaseHealthy()).isTrue();
            // The migrated schema is usable through the wired services.
            assertThat(skyvern.organizations().findBootstrap()).isEmpty();
        } finally {
            skyvern.close();
        }
        assertThat(skyvern.databaseHealthy()).isFalse();
    }

    @Test
    void default_h2_database_is_created_in_the_data_dir() {
        SkyvernConfig config = new SkyvernConfigLoader(Map.of(), dataDir).load(Map.of(ConfigKey.DATA_DIR, dataDir.toString()));
        try (Skyvern skyvern = Skyvern.create(config)) {
            assertThat(skyvern.databaseHealthy()).isTrue();
        }
        assertThat(dataDir.resolve("db").resolve("skyvern.mv.db")).exists();
    }

    @Test
    void local_client_manages_keys_of_its_own_organisation_only() {
        try (Skyvern skyvern = Skyvern.create(config())) {
            CreatedOrganization a = skyvern.organizations().create("A");
            CreatedOrganization b = skyvern.organizations().create("B");
            LocalSkyvernClient clientA = skyvern.client(a.organization().organizationId());

            assertThat(clientA.me()).isEqualTo(a.organization());
            CreatedApiKey extra = clientA.createApiKey("deploy");
            assertThat(skyvern.organizations().authenticate(extra.plaintextKey())).contains(a.organization());
            assertThat(clientA.listApiKeys()).extracting(ApiKey::apiKeyId)
                    .contains(extra.apiKey().apiKeyId(), a.firstKey().apiKey().apiKeyId())
                    .doesNotContain(b.firstKey().apiKey().apiKeyId());

            assertThatThrownBy(() -> clientA.revokeApiKey(b.firstKey().apiKey().apiKeyId()))
                    .isInstanceOfSatisfying(SkyvernException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.API_KEY_NOT_FOUND));
            assertThat(clientA.revokeApiKey(extra.apiKey().apiKeyId()).isRevoked()).isTrue();
            assertThat(skyvern.organizations().authenticate(extra.plaintextKey())).isEmpty();
            assertThat(skyvern.organizations().authenticate(b.firstKey().plaintextKey())).contains(b.organization());
        }
    }

    @Test
    void client_for_an_unknown_organisation_is_organization_not_found() {
        try (Skyvern skyvern = Skyvern.create(config())) {
            assertThatThrownBy(() -> skyvern.client("o_nope")).isInstanceOfSatisfying(SkyvernException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ORGANIZATION_NOT_FOUND));
        }
    }
}
