package io.skyvern.server.components;

/** A scripted responder could not find what it looks for in a prompt: the scenario stops and says why. */
final class ScenarioException extends RuntimeException {
    ScenarioException(String message) {
        super(message);
    }
}
