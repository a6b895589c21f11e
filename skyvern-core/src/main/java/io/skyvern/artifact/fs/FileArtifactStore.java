package io.skyvern.artifact.fs;

import io.skyvern.artifact.ArtifactStore;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Artifacts as files under a root directory, named by {@code file:} uris. Every path segment that
 * comes from outside is {@linkplain #sanitize sanitised} and every resolved path is checked to
 * stay under the root, so neither a name like {@code ../../etc/passwd} nor a forged uri reaches
 * another file. Writes go to a temporary file in the same directory, then move into place
 * atomically. Thread-safe.
 */
public final class FileArtifactStore implements ArtifactStore {
    private static final int MAX_SEGMENT = 150;
    private final Path root;

    public FileArtifactStore(Path root) {
        Objects.requireNonNull(root, "root");
        try {
            this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR,
                    "Cannot create the artifact directory " + root + ": " + e.getMessage());
        }
    }

    /** The store of a data dir: {@code <dataDir>/artifacts}. */
    public static FileArtifactStore inDataDir(Path dataDir) {
        return new FileArtifactStore(dataDir.resolve("artifacts"));
    }

    public Path root() {
        return root;
    }

    /**
     * One safe path segment: letters, digits, dot, dash and underscore only (others become
     * {@code _}), never empty, never starting with a dot, at most 150 characters.
     */
    public static String sanitize(String segment) {
        Objects.requireNonNull(segment, "segment");
        String s = segment.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".")) {
            s = "_" + s;
        }
        return s.length() <= MAX_SEGMENT ? s : s.substring(s.length() - MAX_SEGMENT);
    }

    @Override
    public String put(String organizationId, String runId, String name, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        Path dir = confine(root.resolve(sanitize(organizationId)).resolve(sanitize(runId)));
        Path target = confine(dir.resolve(sanitize(name)));
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
            try {
                Files.write(tmp, bytes);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store artifact " + target, e);
        }
        return target.toUri().toString();
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream open(String uri) {
        Path path = resolve(uri);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw notFound(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read artifact " + uri, e);
        }
    }

    @Override
    public long size(String uri) {
        Path path = resolve(uri);
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            throw notFound(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read artifact " + uri, e);
        }
    }

    @Override
    public boolean delete(String uri) {
        try {
            return Files.deleteIfExists(resolve(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete artifact " + uri, e);
        }
    }

    @Override
    public void deleteRun(String organizationId, String runId) {
        Path dir = confine(root.resolve(sanitize(organizationId)).resolve(sanitize(runId)));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete artifacts of " + runId, e);
        }
    }

    /** A {@code file:} uri of this store, or a key relative to the root, as a confined path. */
    private Path resolve(String uri) {
        Objects.requireNonNull(uri, "uri");
        Path path;
        try {
            path = uri.startsWith("file:") ? Path.of(URI.create(uri)) : root.resolve(uri);
        } catch (IllegalArgumentException e) {
            throw notFound(uri);
        }
        Path confined = confine(path);
        try {
            // Symbolic links inside the root must not lead out of it either.
            if (Files.exists(confined) && !confined.toRealPath().startsWith(root)) {
                throw notFound(uri);
            }
        } catch (IOException e) {
            throw notFound(uri);
        }
        return confined;
    }

    private Path confine(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new SkyvernException(ErrorCode.ARTIFACT_NOT_FOUND, "Artifact path is outside the artifact store");
        }
        return normal;
    }

    private static SkyvernException notFound(String uri) {
        return new SkyvernException(ErrorCode.ARTIFACT_NOT_FOUND, "No artifact content at " + uri);
    }
}
