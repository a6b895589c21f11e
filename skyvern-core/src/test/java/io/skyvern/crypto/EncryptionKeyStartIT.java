package io.skyvern.crypto;

import io.skyvern.Skyvern;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.config.ConfigKey;
import io.skyvern.config.DatabaseConfig;
import io.skyvern.config.SkyvernConfig;
import io.skyvern.config.SkyvernConfigLoader;
import io.skyvern.credential.NewCredential;
import io.skyvern.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node started with another key than the database's secrets were stored with stops at once. */
class EncryptionKeyStartIT {

    @Test
    void a_wrong_encryption_key_stops_the_start_with_a_clear_error(@TempDir Path dataDir) {
        DatabaseConfig database = TestDatabases.fresh();
        String key = EncryptionKey.generate();
        String credentialId;
        String org;
        try (Skyvern first = Skyvern.create(config(dataDir, database, key))) {
            org = first.organizations().create("keys").organization().organizationId();
            credentialId = first.credentials().create(org, new NewCredential("c", "u", "p", Optional.empty(),
                    List.of())).credentialId();
        }
        String wrong = EncryptionKey.generate();

        assertThatThrownBy(() -> Skyvern.create(config(dataDir, database, wrong)).close())
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR))
                .hasMessageContaining("SKYVERN_ENCRYPTION_KEY").hasMessageContaining("not the key")
                .hasMessageNotContaining(wrong).hasMessageNotContaining(key);
        // Without any key (no setting, no key file in this data dir) it says so too.
        assertThatThrownBy(() -> Skyvern.create(config(dataDir.resolve("elsewhere"), database, "")).close())
                .hasMessageContaining("no encryption key is available");
        // The right key still opens the credential.
        try (Skyvern again = Skyvern.create(config(dataDir, database, key))) {
            assertThat(again.credentials().reveal(org, credentialId).orElseThrow().password()).isEqualTo("p");
        }
    }

    private static SkyvernConfig config(Path dataDir, DatabaseConfig database, String key) {
        return new SkyvernConfigLoader(Map.of(), dataDir).load(Map.of(ConfigKey.DATA_DIR, dataDir.toString(),
                ConfigKey.WORKERS, "0", ConfigKey.ENCRYPTION_KEY, key)).withDatabase(database);
    }
}
