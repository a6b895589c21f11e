/**
 * {@code SkyvernClient}: the operations a user performs, one interface for in-process use
 * ({@code LocalSkyvernClient}) and for a remote server ({@code RemoteSkyvernClient}).
 */
package io.skyvern.client;
