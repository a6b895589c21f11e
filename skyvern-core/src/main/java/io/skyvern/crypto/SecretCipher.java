package io.skyvern.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticated encryption of secret values with Tink's AES-256-GCM (a random 96-bit nonce per
 * message, 128-bit tag). The associated data binds a ciphertext to its row (organisation and
 * credential id), so a ciphertext copied to another row does not decrypt. Text in, base64 text
 * out. Thread-safe.
 */
public final class SecretCipher {
    public static final int KEY_BYTES = 32;

    private final Aead aead;

    public SecretCipher(byte[] key) {
        if (Objects.requireNonNull(key, "key").length != KEY_BYTES) {
            throw new IllegalArgumentException("the encryption key must be " + KEY_BYTES + " bytes");
        }
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey aesKey = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(aesKey).withFixedId(1).makePrimary()).build();
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
                    associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** The plaintext, or empty when the key or the associated data is not the one it was sealed with. */
    public Optional<String> decrypt(String ciphertext, String associatedData) {
        try {
            byte[] opened = aead.decrypt(Base64.getDecoder().decode(ciphertext),
                    associatedData.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(opened, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
