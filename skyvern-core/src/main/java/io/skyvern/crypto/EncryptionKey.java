package io.skyvern.crypto;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the credential key comes from: {@code SKYVERN_ENCRYPTION_KEY} (base64 of 32 random bytes,
 * the same on every node), else {@code <data-dir>/encryption.key}, written once with owner-only
 * permissions when the first secret is stored. A malformed key stops the start with a message
 * that names the setting and never shows the value.
 */
public final class EncryptionKey {
    public static final String FILE_NAME = "encryption.key";
    public static final String SETTING = "SKYVERN_ENCRYPTION_KEY";

    private final Optional<byte[]> configured;
    private final Path file;

    private EncryptionKey(Optional<byte[]> configured, Path file) {
        this.configured = configured;
        this.file = file;
    }

    /** {@code configuredBase64} empty means: use (or create) the data dir's key file. */
    public static EncryptionKey of(String configuredBase64, Path dataDir) {
        String text = configuredBase64 == null ? "" : configuredBase64.trim();
        return new EncryptionKey(text.isEmpty() ? Optional.empty() : Optional.of(parse(text, SETTING)),
                dataDir.resolve(FILE_NAME));
    }

    /** A new random key as base64, e.g. for {@code SKYVERN_ENCRYPTION_KEY}. */
    public static String generate() {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Where the key is taken from, for messages. */
    public String source() {
        return configured.isPresent() ? SETTING : file.toString();
    }

    /** The key if one exists already (setting or file); never creates one. */
    public Optional<byte[]> existing() {
        if (configured.isPresent()) {
            return configured;
        }
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The encryption key file " + file
                    + " cannot be read: " + e.getMessage());
        }
    }

    /** The key, creating the data dir's key file (owner-only) if there is none yet. */
    public byte[] getOrCreate() {
        Optional<byte[]> found = existing();
        if (found.isPresent()) {
            return found.get();
        }
        String generated = generate();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
        } catch (FileAlreadyExistsException e) {
            return existing().orElseThrow();  // another thread or process wrote it first: use theirs
        } catch (IOException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The encryption key file " + file
                    + " cannot be written: " + e.getMessage());
        }
        return parse(generated, file.toString());
    }

    private static byte[] parse(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The encryption key in " + source
                    + " is not base64; generate one with: openssl rand -base64 32");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The encryption key in " + source
                    + " must be " + SecretCipher.KEY_BYTES + " bytes (base64 of 32 random bytes), not " + key.length
                    + "; generate one with: openssl rand -base64 32");
        }
        return key;
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + source() + "]";
    }
}
