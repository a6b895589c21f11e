/**
 * Shared HTTP plumbing of the endpoints: the response envelope, request attributes, body and
 * query-parameter parsing that turns malformed input into 422 field errors.
 */
package io.skyvern.server.http;
