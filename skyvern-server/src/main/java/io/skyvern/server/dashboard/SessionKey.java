package io.skyvern.server.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key that signs dashboard cookies and CSRF tokens. It lives in the data dir
 * ({@code dashboard-session.key}, owner-only), so sessions survive a restart and nodes that share
 * the data dir accept each other's cookies. Thread-safe.
 */
final class SessionKey {
    private static final String FILE = "dashboard-session.key";
    private final byte[] key;

    private SessionKey(byte[] key) {
        this.key = key.clone();
    }

    static SessionKey inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(dataDir);
                String encoded = Base64.getEncoder().encodeToString(fresh);
                try {
                    Files.writeString(file, encoded, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    trySetOwnerOnly(file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another node wrote it first: use theirs
                }
            }
            return new SessionKey(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    static SessionKey of(byte[] key) {
        return new SessionKey(key);
    }

    String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison, so a forged signature cannot be found byte by byte. */
    boolean verify(String data, String signature) {
        return signature != null && MessageDigest.isEqual(sign(data).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data dir's own permissions apply
        }
    }
}
