/**
 * The standalone REST server on Javalin: {@link io.skyvern.server.SkyvernServer} wires the
 * middleware, the endpoint groups (package by feature) and the error mapping;
 * {@link io.skyvern.server.ServerMain} is the jar's entry point.
 */
package io.skyvern.server;
