/** The OpenAPI 3.1 document (built in code from the operation list and the DTO records) and the docs pages. */
package io.skyvern.server.openapi;
