package io.skyvern.server.components;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the files of the WebJars on the test classpath without naming their versions: a page asks
 * for {@code /webjars/flatpickr/dist/flatpickr.min.js} and gets
 * {@code META-INF/resources/webjars/flatpickr/4.6.13/dist/flatpickr.min.js}, the version taken from
 * the WebJar's own {@code pom.properties} (what webjars-locator does), so a version bump in the pom
 * needs no page edit. Thread-safe.
 */
final class WebJarFiles {
    private final Map<String, Optional<String>> versions = new ConcurrentHashMap<>();

    /** The bytes of {@code rest} inside WebJar {@code name}; empty when there is no such WebJar or file. */
    Optional<byte[]> read(String name, String rest) {
        return version(name).flatMap(v -> ComponentSite.classpath("META-INF/resources/webjars/" + name + "/" + v + "/" + rest));
    }

    private Optional<String> version(String name) {
        return versions.computeIfAbsent(name, n -> {
            String pom = "META-INF/maven/org.webjars.npm/" + n + "/pom.properties";
            try (InputStream in = WebJarFiles.class.getClassLoader().getResourceAsStream(pom)) {
                if (in == null) {
                    return Optional.empty();
                }
                Properties p = new Properties();
                p.load(in);
                return Optional.ofNullable(p.getProperty("version"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
