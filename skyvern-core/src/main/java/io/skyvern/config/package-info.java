/**
 * Configuration: {@link io.skyvern.config.ConfigKey} lists every setting; the loader merges
 * defaults, {@code skyvern.properties}, {@code SKYVERN_*} environment variables and explicit values,
 * and rejects invalid values at start with one precise message.
 */
package io.skyvern.config;
