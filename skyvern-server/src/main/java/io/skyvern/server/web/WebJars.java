package io.skyvern.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * URLs of WebJar files under {@code /webjars/} (served by Javalin's {@code enableWebjars}). The
 * version comes from the WebJar's own {@code pom.properties}, so bumping a version in the pom is
 * the only edit: no page hard-codes it.
 */
public final class WebJars {
    private WebJars() {
    }

    /** e.g. {@code url("org.webjars", "swagger-ui", "swagger-ui.css")} → /webjars/swagger-ui/5.18.2/swagger-ui.css */
    public static String url(String groupId, String artifactId, String file) {
        return "/webjars/" + artifactId + "/" + version(groupId, artifactId) + "/" + file;
    }

    static String version(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJars.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + groupId + ":" + artifactId + " is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
