/**
 * The one private-network policy: which addresses the product may reach on a user's behalf
 * (browser navigation and its redirects, http_request blocks, webhooks, TOTP URLs). Cloud
 * metadata endpoints are refused always; loopback, private and link-local networks unless the
 * operator allows them.
 */
package io.skyvern.netpolicy;
