/** The live view endpoints: a running run's browser as a multipart JPEG stream. */
package io.skyvern.server.liveview;
