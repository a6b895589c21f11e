package io.skyvern.crypto;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretVaultTest {
    /** The key check row, in memory. */
    private static final class MemoryCheck implements KeyCheckStore {
        final AtomicReference<String> check = new AtomicReference<>();

        @Override
        public Optional<String> keyCheck() {
            return Optional.ofNullable(check.get());
        }

        @Override
        public boolean insertKeyCheck(String ciphertext, Instant now) {
            return check.compareAndSet(null, ciphertext);
        }
    }

    @Test
    void ciphertext_opens_only_with_its_key_and_its_associated_data() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        String sealed = cipher.encrypt("hunter2", "credential/o_1/cred_1");
        assertThat(sealed).doesNotContain("hunter2");
        assertThat(cipher.encrypt("hunter2", "credential/o_1/cred_1")).isNotEqualTo(sealed);  // random nonce
        assertThat(cipher.decrypt(sealed, "credential/o_1/cred_1")).contains("hunter2");
        assertThat(cipher.decrypt(sealed, "credential/o_1/cred_2")).isEmpty();
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new SecretCipher(other).decrypt(sealed, "credential/o_1/cred_1")).isEmpty();
        assertThat(cipher.decrypt("not base64!", "x")).isEmpty();
    }

    @Test
    void the_key_file_is_created_once_owner_only_and_reused(@TempDir Path dir) throws Exception {
        MemoryCheck check = new MemoryCheck();
        new SecretVault(EncryptionKey.of("", dir), check, Clock.systemUTC()).cipher();
        Path file = dir.resolve(EncryptionKey.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String key = Files.readString(file);
        SecretVault again = new SecretVault(EncryptionKey.of("", dir), check, Clock.systemUTC());
        again.verify();
        again.cipher();
        assertThat(Files.readString(file)).isEqualTo(key);
    }

    @Test
    void another_key_than_the_databases_stops_the_start_with_a_clear_message(@TempDir Path dir) {
        MemoryCheck check = new MemoryCheck();
        new SecretVault(EncryptionKey.of(EncryptionKey.generate(), dir), check, Clock.systemUTC()).cipher();
        String otherKey = EncryptionKey.generate();

        assertThatThrownBy(() -> new SecretVault(EncryptionKey.of(otherKey, dir), check, Clock.systemUTC()).verify())
                .isInstanceOfSatisfying(SkyvernException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_ERROR))
                .hasMessageContaining("SKYVERN_ENCRYPTION_KEY").hasMessageContaining("not the key")
                .hasMessageNotContaining(otherKey);
        assertThatThrownBy(() -> new SecretVault(EncryptionKey.of("", dir), check, Clock.systemUTC()).verify())
                .hasMessageContaining("no encryption key is available");
        assertThatThrownBy(() -> EncryptionKey.of("c2hvcnQ=", dir)).hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
    }
}
