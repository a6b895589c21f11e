package io.skyvern.config;

/** Where the product runs; production hides exception text and the API docs. */
public enum RunEnvironment {
    DEVELOPMENT, PRODUCTION;

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
