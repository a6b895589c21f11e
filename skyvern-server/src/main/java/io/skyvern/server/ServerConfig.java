package io.skyvern.server;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the HTTP server only (the library's settings are in {@code SkyvernConfig}).
 * Environment: SKYVERN_PORT, SKYVERN_HOST, SKYVERN_ALLOWED_ORIGINS (comma list),
 * SKYVERN_RATE_LIMIT_PER_MINUTE, SKYVERN_MAX_BODY_BYTES, SKYVERN_LOG_FORMAT (plain|json), and
 * SKYVERN_API_KEY (the bootstrap organisation's key at first start; generated when empty) and
 * SKYVERN_TRUSTED_PROXIES (comma list of addresses or CIDR ranges whose X-Forwarded-For is believed).
 */
public record ServerConfig(String host, int port, List<String> allowedOrigins, int rateLimitPerMinute,
                           long maxBodyBytes, LogFormat logFormat, String bootstrapApiKey, List<String> trustedProxies) {
    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_RATE_LIMIT = 600;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Plain text lines or one JSON object per line. */
    public enum LogFormat { PLAIN, JSON }

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(logFormat, "logFormat");
        bootstrapApiKey = bootstrapApiKey == null ? "" : bootstrapApiKey.trim();
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            if (!io.skyvern.server.middleware.ClientAddress.isValidRange(proxy)) {
                throw invalid("trusted proxy '" + proxy + "' is not an IP address or CIDR range");
            }
        }
        if (port < 0 || port > 65535) {
            throw invalid("port must be from 0 to 65535 (got " + port + ")");
        }
        if (rateLimitPerMinute < 1) {
            throw invalid("rate limit per minute must be at least 1 (got " + rateLimitPerMinute + ")");
        }
        if (maxBodyBytes < 1) {
            throw invalid("max body bytes must be at least 1 (got " + maxBodyBytes + ")");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, List.of(), DEFAULT_RATE_LIMIT, DEFAULT_MAX_BODY_BYTES,
                LogFormat.PLAIN, "", List.of());
    }

    /** Defaults overridden by the given environment (normally {@code System.getenv()}). */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String host = env.getOrDefault("SKYVERN_HOST", DEFAULT_HOST).trim();
        int port = (int) number(env, "SKYVERN_PORT", DEFAULT_PORT, problems);
        List<String> origins = parseOrigins(env.getOrDefault("SKYVERN_ALLOWED_ORIGINS", ""));
        int rate = (int) number(env, "SKYVERN_RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT, problems);
        long maxBody = number(env, "SKYVERN_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, problems);
        LogFormat format = LogFormat.PLAIN;
        String formatText = env.getOrDefault("SKYVERN_LOG_FORMAT", "plain").trim().toUpperCase(Locale.ROOT);
        try {
            format = LogFormat.valueOf(formatText);
        } catch (IllegalArgumentException e) {
            problems.add("SKYVERN_LOG_FORMAT must be plain or json");
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        return new ServerConfig(host, port, origins, rate, maxBody, format, env.getOrDefault("SKYVERN_API_KEY", ""),
                parseOrigins(env.getOrDefault("SKYVERN_TRUSTED_PROXIES", "")));
    }

    public static List<String> parseOrigins(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public ServerConfig withBootstrapApiKey(String key) {
        return new ServerConfig(host, port, allowedOrigins, rateLimitPerMinute, maxBodyBytes, logFormat, key, trustedProxies);
    }

    /** Never prints the bootstrap key. */
    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", allowedOrigins=" + allowedOrigins
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", maxBodyBytes=" + maxBodyBytes + ", logFormat="
                + logFormat + ", trustedProxies=" + trustedProxies + ", bootstrapApiKey=" + (bootstrapApiKey.isEmpty() ? "<none>" : "<set>") + "]";
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, allowedOrigins, rateLimitPerMinute, maxBodyBytes, logFormat, bootstrapApiKey, trustedProxies);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, allowedOrigins, rateLimitPerMinute, maxBodyBytes, logFormat, bootstrapApiKey, trustedProxies);
    }

    public ServerConfig withRateLimitPerMinute(int perMinute) {
        return new ServerConfig(host, port, allowedOrigins, perMinute, maxBodyBytes, logFormat, bootstrapApiKey, trustedProxies);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, allowedOrigins, rateLimitPerMinute, bytes, logFormat, bootstrapApiKey, trustedProxies);
    }

    public ServerConfig withAllowedOrigins(List<String> origins) {
        return new ServerConfig(host, port, origins, rateLimitPerMinute, maxBodyBytes, logFormat, bootstrapApiKey, trustedProxies);
    }

    public ServerConfig withTrustedProxies(List<String> proxies) {
        return new ServerConfig(host, port, allowedOrigins, rateLimitPerMinute, maxBodyBytes, logFormat, bootstrapApiKey,
                proxies);
    }

    private static long number(Map<String, String> env, String name, long fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number (got '" + value + "')");
            return fallback;
        }
    }

    private static SkyvernException invalid(String message) {
        return new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "Invalid server configuration: " + message);
    }
}
