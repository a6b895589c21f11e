package io.skyvern.config;

import java.util.Objects;

/** The JDBC URL (always set once loaded), optional credentials and the pool size. */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Never prints the password, also not one inside the URL. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + ConfigKey.redactUrl(url) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
